import type { ActivityCode, Shift } from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  isoWeekOf,
  minutesOfDay,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { EntityManager } from 'typeorm';
import { LocationEntity } from '../../app/organisation/location.entity';
import { SiteEntity } from '../../app/organisation/site.entity';
import { CoverageRequirementEntity } from '../../app/rota/coverage-requirement.entity';
import { OutreachCampaignEntity } from '../../app/rota/outreach-campaign.entity';
import { RotaPublicationEntity } from '../../app/rota/rota-publication.entity';
import { ShiftTemplateEntity } from '../../app/rota/shift-template.entity';
import { ShiftEntity } from '../../app/rota/shift.entity';
import { SiteWeekEntity } from '../../app/rota/site-week.entity';
import { TravelTimeEntity } from '../../app/rota/travel-time.entity';
import { toZonedIso } from '../../common/instant';
import { DEMO_CONTRACTS, DEMO_PEOPLE, DEMO_SKILLS } from './demo-data';

const TZ = 'Europe/Paris';

interface PlannedShift {
  personRef: string | null;
  siteCode: string;
  locationCode: string;
  activity: ActivityCode;
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
  note?: string;
}

interface SatelliteDay {
  weekday: number;
  shifts: Omit<PlannedShift, 'personRef' | 'siteCode' | 'date'>[];
}

// Fixed weekly duties from the seed data set: PAND@ 14, permanences, outreach pair, workshops.
const SATELLITE_DAYS: Record<string, SatelliteDay[]> = {
  S04: [2, 4].map((weekday) => ({
    weekday,
    shifts: [
      { locationCode: 'S', activity: 'back_office', start: '10:00', end: '12:30', breakMinutes: 0 },
      {
        locationCode: 'PAND14',
        activity: 'digital_help',
        start: '14:00',
        end: '17:30',
        breakMinutes: 0,
      },
    ],
  })),
  S12: [
    {
      weekday: 1,
      shifts: [
        {
          locationCode: 'E',
          activity: 'back_office',
          start: '09:00',
          end: '12:30',
          breakMinutes: 0,
        },
        {
          locationCode: 'PERM-AMA',
          activity: 'permanence',
          start: '14:00',
          end: '17:00',
          breakMinutes: 0,
        },
      ],
    },
  ],
  S21: [
    {
      weekday: 5,
      shifts: [
        {
          locationCode: 'PERM-MDS',
          activity: 'permanence',
          start: '09:30',
          end: '12:30',
          breakMinutes: 0,
        },
        {
          locationCode: 'NE',
          activity: 'back_office',
          start: '13:30',
          end: '17:00',
          breakMinutes: 0,
        },
      ],
    },
  ],
  S18: [
    {
      weekday: 2,
      shifts: [
        {
          locationCode: 'OUT-LIL',
          activity: 'outreach',
          start: '10:00',
          end: '12:30',
          breakMinutes: 0,
        },
        {
          locationCode: 'NE',
          activity: 'back_office',
          start: '13:30',
          end: '17:00',
          breakMinutes: 0,
        },
      ],
    },
  ],
  S35: [
    {
      weekday: 2,
      shifts: [
        {
          locationCode: 'OUT-LIL',
          activity: 'outreach',
          start: '10:00',
          end: '12:30',
          breakMinutes: 0,
        },
        {
          locationCode: 'NE',
          activity: 'back_office',
          start: '13:30',
          end: '17:00',
          breakMinutes: 0,
        },
      ],
    },
  ],
  S30: [
    {
      weekday: 3,
      shifts: [
        {
          locationCode: 'SE',
          activity: 'back_office',
          start: '09:30',
          end: '12:30',
          breakMinutes: 0,
        },
        {
          locationCode: 'ATEL-SE',
          activity: 'workshop',
          start: '13:30',
          end: '16:30',
          breakMinutes: 0,
        },
      ],
    },
  ],
};

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A desk day follows the site's public hours, a quarter of an hour either side, one shift per
 * opening range (the lunch closure is the break between them).
 */
function deskDay(site: SiteEntity, weekday: number): { start: string; end: string }[] {
  const ranges = site.openingHours
    .filter((range) => range.weekday === weekday)
    .sort((a, b) => a.start.localeCompare(b.start));
  return ranges.map((range, index) => ({
    start: index === 0 ? timeOf(minutesOfDay(range.start) - 15) : range.start,
    end: index === ranges.length - 1 ? timeOf(minutesOfDay(range.end) + 15) : range.end,
  }));
}

function contractOn(
  ref: string,
  date: string,
  move: (date: string) => string,
): { weeklyHours: number } | undefined {
  return DEMO_CONTRACTS.find(
    (contract) =>
      contract.personRef === ref &&
      move(contract.start) <= date &&
      (contract.end === null || move(contract.end) >= date),
  );
}

const isTrained = (ref: string) => (DEMO_SKILLS[ref] ?? []).includes('FS');

/**
 * A realistic week: fixed satellite duties, then each person's contract hours in desk days
 * (trained people first, each to the days with the fewest trained agents so far), then a
 * back-office block with what is left.
 */
function planWeek(
  sites: SiteEntity[],
  week: string,
  move: (date: string) => string,
): PlannedShift[] {
  const monday = windowOfIsoWeek(week).from;
  const planned: PlannedShift[] = [];
  for (const site of sites) {
    const team = DEMO_PEOPLE.filter((person) => person.siteCode === site.code).sort(
      (a, b) => Number(isTrained(b.ref)) - Number(isTrained(a.ref)),
    );
    const trainedOnDay = new Map<number, number>([1, 2, 3, 4, 5].map((weekday) => [weekday, 0]));
    for (const person of team) {
      const contract =
        contractOn(person.ref, monday, move) ?? contractOn(person.ref, addDays(monday, 4), move);
      if (!contract) continue;
      let remaining = contract.weeklyHours * 60;
      const used = new Set<number>();
      const inForce = (weekday: number) =>
        contractOn(person.ref, addDays(monday, weekday - 1), move) !== undefined;
      for (const day of SATELLITE_DAYS[person.ref] ?? []) {
        if (!inForce(day.weekday)) continue;
        used.add(day.weekday);
        for (const shift of day.shifts) {
          planned.push({
            ...shift,
            personRef: person.ref,
            siteCode: site.code,
            date: addDays(monday, day.weekday - 1),
          });
          remaining -= minutesOfDay(shift.end) - minutesOfDay(shift.start) - shift.breakMinutes;
        }
      }
      const days = [1, 2, 3, 4, 5].sort(
        (a, b) => (trainedOnDay.get(a) ?? 0) - (trainedOnDay.get(b) ?? 0) || a - b,
      );
      for (const weekday of days) {
        const desk = deskDay(site, weekday);
        const length = desk.reduce(
          (sum, part) => sum + minutesOfDay(part.end) - minutesOfDay(part.start),
          0,
        );
        if (used.has(weekday) || desk.length === 0 || !inForce(weekday) || length > remaining)
          continue;
        used.add(weekday);
        remaining -= length;
        if (isTrained(person.ref)) trainedOnDay.set(weekday, (trainedOnDay.get(weekday) ?? 0) + 1);
        for (const part of desk) {
          planned.push({
            personRef: person.ref,
            siteCode: site.code,
            locationCode: site.code,
            activity: 'accueil',
            date: addDays(monday, weekday - 1),
            ...part,
            breakMinutes: 0,
          });
        }
      }
      const free = [1, 2, 3, 4, 5].find((weekday) => !used.has(weekday) && inForce(weekday));
      if (remaining >= 90 && free !== undefined) {
        const length = Math.min(remaining, 210);
        planned.push({
          personRef: person.ref,
          siteCode: site.code,
          locationCode: site.code,
          activity: 'back_office',
          date: addDays(monday, free - 1),
          start: '09:00',
          end: timeOf(540 + length),
          breakMinutes: 0,
        });
      }
    }
  }
  return planned;
}

/** The demo's problems in next week's draft, for the manager to find and fix. */
function addDemoProblems(planned: PlannedShift[], week: string): PlannedShift[] {
  const monday = windowOfIsoWeek(week).from;
  const tuesday = addDays(monday, 1);
  const wednesday = addDays(monday, 2);
  const thursday = addDays(monday, 3);
  let result = planned.filter(
    (shift) =>
      !(shift.personRef === 'S24' && (shift.date === monday || shift.date === tuesday)) &&
      // Léa Fontaine (a 20-hour PEC) is off on Wednesday and Thursday: two free days in a row, where
      // the planning journey makes and repairs an 11-hour rest breach of its own.
      !(shift.personRef === 'S25' && (shift.date === wednesday || shift.date === thursday)),
  );
  // An evening public meeting on Monday until 22:00, then the desk at 08:45: 10 h 45 of rest.
  result.push(
    {
      personRef: 'S24',
      siteCode: 'S',
      locationCode: 'S',
      activity: 'meeting',
      date: monday,
      start: '13:30',
      end: '22:00',
      breakMinutes: 30,
      note: 'Réunion publique du soir',
    },
    {
      personRef: 'S24',
      siteCode: 'S',
      locationCode: 'S',
      activity: 'accueil',
      date: tuesday,
      start: '08:45',
      end: '17:15',
      breakMinutes: 60,
    },
  );
  // Sud Est on Wednesday: only one France Services trained agent left at the desk.
  let keptTrained = 0;
  result = result.map((shift) => {
    if (
      shift.siteCode !== 'SE' ||
      shift.date !== wednesday ||
      shift.activity !== 'accueil' ||
      !shift.personRef
    )
      return shift;
    if (!(DEMO_SKILLS[shift.personRef] ?? []).includes('FS')) return shift;
    keptTrained++;
    return keptTrained === 1 ? shift : { ...shift, activity: 'back_office' as const };
  });
  // The Lilas outreach pair is short of one person on Tuesday.
  return result.filter(
    (shift) =>
      !(shift.personRef === 'S18' && shift.locationCode === 'OUT-LIL' && shift.date === tuesday),
  );
}

export async function seedDemoRota(
  manager: EntityManager,
  organisationId: string,
  personId: (ref: string) => string,
  move: (date: string) => string,
  today: string,
): Promise<void> {
  const sites = await manager.find(SiteEntity, {
    where: { organisationId },
    order: { code: 'ASC' },
  });
  const locations = await manager.find(LocationEntity, { where: { organisationId } });
  const location = (code: string): LocationEntity => {
    const found = locations.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`Lieu de démo inconnu : ${code}`);
    return found;
  };
  const siteOf = (code: string) => sites.find((site) => site.code === code) as SiteEntity;

  // Coverage: the France Services desk during public hours (2 trained), then the satellites.
  for (const site of sites) {
    for (const range of site.openingHours) {
      await manager.insert(CoverageRequirementEntity, {
        organisationId,
        locationId: location(site.code).id,
        weekday: range.weekday,
        startTime: range.start,
        endTime: range.end,
        minStaff: 2,
        requiredSkill: 'france_services_initial',
        activity: 'accueil',
        isPair: false,
        campaignId: null,
        validFrom: null,
        validUntil: null,
      });
    }
  }
  const satellite = (
    code: string,
    weekday: number,
    startTime: string,
    endTime: string,
    activity: ActivityCode,
  ) =>
    manager.insert(CoverageRequirementEntity, {
      organisationId,
      locationId: location(code).id,
      weekday,
      startTime,
      endTime,
      minStaff: 1,
      requiredSkill: null,
      activity,
      isPair: false,
      campaignId: null,
      validFrom: null,
      validUntil: null,
    });
  await satellite('PAND14', 2, '14:00', '17:30', 'digital_help');
  await satellite('PAND14', 4, '14:00', '17:30', 'digital_help');
  await satellite('PERM-AMA', 1, '14:00', '17:00', 'permanence');
  await satellite('PERM-MDS', 5, '09:30', '12:30', 'permanence');
  await satellite('ATEL-SE', 3, '14:00', '16:00', 'workshop');
  const campaign = await manager.save(
    manager.create(OutreachCampaignEntity, {
      organisationId,
      locationId: location('OUT-LIL').id,
      partner: 'Paris Habitat (fictif)',
      estate: 'Résidence Square des Lilas',
      startDate: addDays(today, -90),
      endDate: addDays(today, 180),
      pattern: [{ weekday: 2, startTime: '10:00', endTime: '12:30' }],
    }),
  );
  await manager.insert(CoverageRequirementEntity, {
    organisationId,
    locationId: location('OUT-LIL').id,
    weekday: 2,
    startTime: '10:00',
    endTime: '12:30',
    minStaff: 2,
    requiredSkill: null,
    activity: 'outreach',
    isPair: true,
    campaignId: campaign.id,
    validFrom: campaign.startDate,
    validUntil: campaign.endDate,
  });

  // Templates of the seed data set, and travel times (travel between places is working time).
  for (const site of sites) {
    const desk = location(site.code).id;
    const first = site.openingHours[0];
    const last = site.openingHours.filter((range) => range.weekday === 1).at(-1) ?? first;
    const templates = [
      {
        code: 'ACC-M',
        label: 'Accueil matin',
        activity: 'accueil' as const,
        startTime: first.start,
        endTime: first.end,
        breakMinutes: 0,
      },
      {
        code: 'ACC-A',
        label: 'Accueil après-midi',
        activity: 'accueil' as const,
        startTime: last.start,
        endTime: last.end,
        breakMinutes: 0,
      },
      {
        code: 'BACK',
        label: 'Back-office / rappels usagers',
        activity: 'back_office' as const,
        startTime: '09:00',
        endTime: '12:30',
        breakMinutes: 0,
      },
    ];
    for (const template of templates) {
      await manager.insert(ShiftTemplateEntity, {
        organisationId,
        siteId: site.id,
        locationId: desk,
        weekdays: [1, 2, 3, 4, 5],
        ...template,
      });
    }
  }
  for (const other of locations.filter((candidate) => candidate.kind !== 'site')) {
    await manager.insert(TravelTimeEntity, {
      organisationId,
      fromLocationId: location(
        siteOf(sites.find((site) => site.id === other.siteId)?.code ?? '').code,
      ).id,
      toLocationId: other.id,
      minutes: 30,
    });
  }
  for (const a of sites) {
    for (const b of sites) {
      if (a.code < b.code)
        await manager.insert(TravelTimeEntity, {
          organisationId,
          fromLocationId: location(a.code).id,
          toLocationId: location(b.code).id,
          minutes: 45,
        });
    }
  }

  // Last week and this week published; next week a draft with the demo's problems.
  const thisWeek = isoWeekOf(today);
  const weeks = [
    { week: addIsoWeeks(thisWeek, -1), isPublished: true },
    { week: thisWeek, isPublished: true },
    { week: addIsoWeeks(thisWeek, 1), isPublished: false },
  ];
  for (const { week, isPublished } of weeks) {
    const planned = isPublished
      ? planWeek(sites, week, move)
      : addDemoProblems(planWeek(sites, week, move), week);
    const rows = planned.map((shift) => ({
      organisationId,
      siteId: siteOf(shift.siteCode).id,
      personId: shift.personRef ? personId(shift.personRef) : null,
      locationId: location(shift.locationCode).id,
      activity: shift.activity,
      startAt: new Date(zonedInstant(shift.date, shift.start, TZ)),
      endAt: new Date(zonedInstant(shift.date, shift.end, TZ)),
      breakMinutes: shift.breakMinutes,
      note: shift.note ?? null,
      version: 1,
    }));
    const saved = rows.length
      ? await manager.save(rows.map((row) => manager.create(ShiftEntity, row)))
      : [];
    for (const site of sites) {
      const siteWeek = await manager.save(
        manager.create(SiteWeekEntity, {
          organisationId,
          siteId: site.id,
          week,
          status: isPublished ? 'published' : 'draft',
          version: isPublished ? 1 : 0,
          publishedAt: isPublished ? new Date() : null,
          publishedBy: null,
        }),
      );
      if (!isPublished) continue;
      const snapshot: Shift[] = saved
        .filter((shift) => shift.siteId === site.id)
        .map((shift) => ({
          id: shift.id,
          siteId: shift.siteId,
          personId: shift.personId,
          locationId: shift.locationId,
          activity: shift.activity,
          start: toZonedIso(shift.startAt),
          end: toZonedIso(shift.endAt),
          breakMinutes: shift.breakMinutes,
          note: shift.note,
          version: shift.version,
          isChangedSincePublication: false,
        }));
      await manager.save(
        manager.create(RotaPublicationEntity, {
          organisationId,
          siteWeekId: siteWeek.id,
          version: 1,
          publishedBy: null,
          shifts: snapshot,
          justification: null,
        }),
      );
    }
  }
}
