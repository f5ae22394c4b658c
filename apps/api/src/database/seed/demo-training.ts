import type {
  ContractType,
  ExitOutcome,
  MandatoryFor,
  NeutralisedReason,
  SkillCode,
  TrainingModality,
} from '@relais/api-types';
import {
  addDays,
  addIsoWeeks,
  addMonths,
  deriveExitCategory,
  isoWeekOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { EntityManager } from 'typeorm';
import { ExitRecordEntity } from '../../app/exits/exit-record.entity';
import { LocationEntity } from '../../app/organisation/location.entity';
import { PathwayMilestoneEntity } from '../../app/pathways/pathway.entities';
import {
  completePathwayMilestones,
  ensurePathwayPlan,
  syncFactMilestones,
} from '../../app/pathways/pathways.service';
import { ShiftEntity } from '../../app/rota/shift.entity';
import { raiseCertificateReminders } from '../../app/training/training-jobs.service';
import {
  TrainingEnrolmentEntity,
  TrainingModuleEntity,
  TrainingRecordEntity,
  TrainingSessionEntity,
} from '../../app/training/training.entities';
import { DEMO_PEOPLE, DEMO_SKILLS } from './demo-data';

// The training catalogue, sessions, pathway plans and historical leavers of the domain brief
// (seed section): 16 modules, milestones P00–P14, exit categories X01–X08.

const TZ = 'Europe/Paris';

interface DemoModule {
  code: string;
  title: string;
  category: string;
  hours: number;
  modality: TrainingModality;
  validityMonths: number | null;
  prerequisiteCodes?: string[];
  mandatoryFor?: MandatoryFor;
  grantsSkill?: SkillCode;
}

const everyone = (withinDays: number | null, franceServicesOnly = false): MandatoryFor => ({
  roles: [],
  contractTypes: [],
  franceServicesOnly,
  withinDays,
});

export const DEMO_MODULES: DemoModule[] = [
  {
    code: 'T01',
    title: 'Intégration PIMMS : cadre déontologique de la médiation sociale',
    category: 'Intégration',
    hours: 14,
    modality: 'presentiel',
    validityMonths: null,
    mandatoryFor: everyone(30),
  },
  {
    code: 'T02',
    title: 'Formation initiale France Services, socle commun',
    category: 'France Services',
    hours: 24.5,
    modality: 'mixte',
    validityMonths: null,
    mandatoryFor: everyone(90, true),
  },
  {
    code: 'T03',
    title: 'Formation initiale France Services, socle « métiers partenaires »',
    category: 'France Services',
    hours: 21,
    modality: 'presentiel',
    validityMonths: null,
    prerequisiteCodes: ['T02'],
    mandatoryFor: everyone(90, true),
    grantsSkill: 'france_services_initial',
  },
  {
    code: 'T04',
    title: 'Formation continue France Services (webinaires opérateurs)',
    category: 'France Services',
    hours: 7,
    modality: 'distanciel',
    validityMonths: 12,
    prerequisiteCodes: ['T03'],
  },
  {
    code: 'T05',
    title: 'Aidants Connect : formation avant habilitation',
    category: 'Numérique',
    hours: 3.5,
    modality: 'distanciel',
    validityMonths: null,
    grantsSkill: 'aidants_connect',
  },
  {
    code: 'T06',
    title: 'Pix : autodiagnostic et certification',
    category: 'Numérique',
    hours: 10,
    modality: 'mixte',
    validityMonths: null,
    mandatoryFor: everyone(180),
  },
  {
    code: 'T07',
    title: 'SST : formation initiale',
    category: 'Sécurité',
    hours: 14,
    modality: 'presentiel',
    validityMonths: 24,
    grantsSkill: 'sst',
  },
  {
    code: 'T08',
    title: 'SST : maintien et actualisation des compétences (MAC)',
    category: 'Sécurité',
    hours: 7,
    modality: 'presentiel',
    validityMonths: 24,
    prerequisiteCodes: ['T07'],
    grantsSkill: 'sst',
  },
  {
    code: 'T09',
    title: 'Gestion des conflits et des situations d’agressivité à l’accueil',
    category: 'Métier',
    hours: 14,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T10',
    title: 'Valeurs de la République et laïcité',
    category: 'Métier',
    hours: 14,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T11',
    title: 'RGPD, secret professionnel et confidentialité en médiation',
    category: 'Intégration',
    hours: 3.5,
    modality: 'presentiel',
    validityMonths: null,
    mandatoryFor: everyone(30),
  },
  {
    code: 'T12',
    title: 'Accès aux droits sociaux et lutte contre le non-recours',
    category: 'Métier',
    hours: 14,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T13',
    title: 'Précarité énergétique et médiation avec les fournisseurs',
    category: 'Métier',
    hours: 7,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T14',
    title: 'Médiation sortante : porte-à-porte et sécurité en binôme',
    category: 'Métier',
    hours: 7,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T15',
    title: 'Animer un atelier collectif numérique',
    category: 'Numérique',
    hours: 14,
    modality: 'presentiel',
    validityMonths: null,
  },
  {
    code: 'T16',
    title: 'TP Médiateur social accès aux droits et services (CCP1 à CCP3)',
    category: 'Certifiant',
    hours: 150,
    modality: 'mixte',
    validityMonths: null,
    mandatoryFor: {
      roles: [],
      contractTypes: ['PRO'],
      franceServicesOnly: false,
      withinDays: null,
    },
  },
];

/** People still onboarding: few or no modules yet (the brief's "in progress / not started"). */
const ONBOARDING: Record<string, string[]> = {
  S09: ['T01', 'T11', 'T02'],
  S14: [],
  S16: ['T01'],
  S25: ['T01'],
  S28: [],
  S34: [],
};

/** Milestones left open on purpose so the dashboard has something to show. */
const LEFT_OPEN: Record<string, string[]> = {
  S19: ['P11', 'P12'],
  S07: ['P12'],
  S13: ['P11', 'P12'],
  S31: ['P11'],
};

/** Historical leavers (brief: X01–X08), dates on the seed reference, moved like every date. */
const LEAVERS: {
  ref: string;
  siteCode: string;
  contractType: ContractType;
  end: string;
  /** What followed; the category is derived from it, as for any exit recorded. */
  outcome: ExitOutcome;
  months: number | null;
  neutralisedReason?: NeutralisedReason;
  sector: string | null;
  detail: string;
}[] = [
  {
    ref: 'X01',
    siteCode: 'S',
    contractType: 'PEC',
    end: '2025-06-30',
    outcome: 'CDI',
    months: null,
    sector: 'Protection sociale',
    detail: 'CDI agent d’accueil, CPAM',
  },
  {
    ref: 'X02',
    siteCode: 'NE',
    contractType: 'ADULTE_RELAIS',
    end: '2025-01-31',
    outcome: 'CDD',
    months: 12,
    sector: 'Logement social',
    detail: 'CDD de 12 mois, bailleur social',
  },
  {
    ref: 'X03',
    siteCode: 'E',
    contractType: 'PRO',
    end: '2025-08-31',
    outcome: 'CDD',
    months: 3,
    sector: 'Services postaux',
    detail: 'CDD de 3 mois, La Poste',
  },
  {
    ref: 'X04',
    siteCode: 'SE',
    contractType: 'PEC',
    end: '2025-09-30',
    outcome: 'FORMATION',
    months: null,
    sector: 'Formation qualifiante',
    detail: 'Entrée en formation DEAES',
  },
  {
    ref: 'X05',
    siteCode: 'NO',
    contractType: 'CDD',
    end: '2025-11-30',
    outcome: 'SANS_EMPLOI',
    months: null,
    sector: null,
    detail: 'Demandeur d’emploi',
  },
  {
    ref: 'X06',
    siteCode: 'S',
    contractType: 'PEC',
    end: '2025-12-31',
    outcome: 'NEUTRALISEE',
    months: null,
    neutralisedReason: 'DEMENAGEMENT',
    sector: null,
    detail: 'Déménagement hors région',
  },
  {
    ref: 'X07',
    siteCode: 'E',
    contractType: 'ADULTE_RELAIS',
    end: '2025-10-31',
    outcome: 'FONCTION_PUBLIQUE',
    months: null,
    sector: 'Fonction publique territoriale',
    detail: 'Titularisation après concours',
  },
  {
    ref: 'X08',
    siteCode: 'NO',
    contractType: 'PRO',
    end: '2025-09-30',
    outcome: 'CDI',
    months: null,
    sector: 'Médiation sociale',
    detail: 'CDI médiateur, autre association',
  },
];

/**
 * The title blocks each leaver had passed by the exit (their sessions went with their anonymised
 * record): the whole TP MSADS after an adulte-relais or a contrat pro, a block or two after a PEC.
 */
const LEAVER_CERTIFICATIONS: Record<string, string[]> = {
  X01: ['MSADS.CCP2'],
  X02: ['MSADS.CCP1', 'MSADS.CCP2', 'MSADS.CCP3'],
  X03: ['MSADS.CCP1', 'MSADS.CCP2', 'MSADS.CCP3'],
  X04: ['MSADS.CCP1'],
  X06: ['MSADS.CCP1', 'MSADS.CCP2'],
  X07: ['MSADS.CCP1', 'MSADS.CCP2', 'MSADS.CCP3'],
  X08: ['MSADS.CCP1', 'MSADS.CCP2', 'MSADS.CCP3'],
};

export async function seedDemoTraining(
  manager: EntityManager,
  organisationId: string,
  personId: (ref: string) => string,
  move: (date: string) => string,
  today: string,
): Promise<void> {
  const modules = await manager.save(
    DEMO_MODULES.map((module) =>
      manager.create(TrainingModuleEntity, {
        organisationId,
        ...module,
        prerequisiteCodes: module.prerequisiteCodes ?? [],
        mandatoryFor: module.mandatoryFor ?? null,
        grantsSkill: module.grantsSkill ?? null,
      }),
    ),
  );
  const moduleByCode = new Map(modules.map((module) => [module.code, module]));
  const record = async (ref: string, code: string, completedOn: string) => {
    const module = moduleByCode.get(code) as TrainingModuleEntity;
    await manager.insert(TrainingRecordEntity, {
      organisationId,
      personId: personId(ref),
      moduleId: module.id,
      completedOn,
      hours: module.hours,
      expiresOn: null,
      enrolmentId: null,
    });
  };

  // Past training, consistent with the seeded qualifications and the people's stages.
  const mediators = DEMO_PEOPLE.filter((person) => /^Médiat/.test(person.jobTitle ?? ''));
  for (const person of mediators) {
    const [contract]: { start_date: string; type: ContractType }[] = await manager.query(
      `SELECT to_char(min(start_date), 'YYYY-MM-DD') AS start_date, (array_agg(type ORDER BY start_date DESC))[1] AS type
       FROM contract WHERE person_id = $1`,
      [personId(person.ref)],
    );
    const hired = contract.start_date;
    const at = (days: number) => {
      const date = addDays(hired, days);
      return date > today ? null : date;
    };
    const skills = DEMO_SKILLS[person.ref] ?? [];
    const done = ONBOARDING[person.ref] ?? [
      'T01',
      'T11',
      ...(skills.includes('FS') ? ['T02', 'T03'] : []),
      'T06',
      'T09',
      ...(contract.type === 'PRO' ? [] : ['T10', 'T12']),
    ];
    const offsets: Record<string, number> = {
      T01: 10,
      T11: 12,
      T02: 45,
      T03: 60,
      T06: 150,
      T09: 200,
      T10: 260,
      T12: 320,
    };
    for (const code of done) {
      const on = at(offsets[code] ?? 30);
      if (on) await record(person.ref, code, on);
    }
    if (skills.includes('AC')) {
      const on = at(120);
      if (on) await record(person.ref, 'T05', on);
    }
    if (skills.includes('SST')) {
      const [sst]: { acquired_on: string }[] = await manager.query(
        `SELECT to_char(max(acquired_on), 'YYYY-MM-DD') AS acquired_on FROM person_skill WHERE person_id = $1 AND skill = 'sst'`,
        [personId(person.ref)],
      );
      if (sst?.acquired_on) await record(person.ref, 'T07', sst.acquired_on);
    }
  }

  // A plan per mediator from the template of the contract type, milestones at realistic stages.
  for (const person of mediators) {
    const plan = await ensurePathwayPlan(manager, organisationId, personId(person.ref));
    if (!plan) continue;
    const open = LEFT_OPEN[person.ref] ?? [];
    const onboarding = person.ref in ONBOARDING;
    const milestones = await manager.findBy(PathwayMilestoneEntity, { planId: plan.id });
    for (const milestone of milestones) {
      if (milestone.doneOn || !milestone.dueOn || open.includes(milestone.code)) continue;
      if (onboarding && !['P00', 'P01'].includes(milestone.code)) continue;
      if (['P02', 'P03', 'P04', 'P05', 'P06', 'P09', 'P13', 'P14'].includes(milestone.code))
        continue;
      // Held a little before the due date when that date is at least three weeks past.
      if (milestone.dueOn <= addDays(today, -21))
        await manager.update(
          PathwayMilestoneEntity,
          { id: milestone.id },
          { doneOn: addDays(milestone.dueOn, -5) },
        );
    }
    await completePathwayMilestones(manager, personId(person.ref), null);
  }
  // Milestones closed by facts: the contract's tutor, a valid first-aid certificate.
  await syncFactMilestones(manager, organisationId, null, today);

  // Sessions in the coming weeks; the ones with enrolments are already on the rota.
  const locations = await manager.find(LocationEntity, { where: { organisationId } });
  const desk = (code: string) =>
    locations.find((location) => location.code === code) as LocationEntity;
  const week2 = windowOfIsoWeek(addIsoWeeks(isoWeekOf(today), 2)).from;
  const week3 = addDays(week2, 7);
  interface PlannedSession {
    code: string;
    siteCode: string;
    date: string;
    start: string;
    end: string;
    breakMinutes: number;
    place: string;
    trainer: string;
    capacity: number;
    enrol: string[];
  }
  // Full days of 7 hours (09:00–17:00 with an hour's break).
  const days = (
    code: string,
    siteCode: string,
    dates: string[],
    place: string,
    trainer: string,
    capacity: number,
    enrol: string[],
  ): PlannedSession[] =>
    dates.map((date) => ({
      code,
      siteCode,
      date,
      start: '09:00',
      end: '17:00',
      breakMinutes: 60,
      place,
      trainer,
      capacity,
      enrol,
    }));
  const sessions: PlannedSession[] = [
    {
      code: 'T11',
      siteCode: 'S',
      date: addDays(week2, 1),
      start: '09:00',
      end: '12:30',
      breakMinutes: 0,
      place: 'Salle de réunion, Paris Sud',
      trainer: 'Awa Diallo-Ferreira',
      capacity: 8,
      enrol: ['S25', 'S28'],
    },
    // A module runs over as many one-day sessions as its hours need (a session lasts a day at
    // most): T02's 24 h 30 over three days and a half, the 14-hour modules over two days.
    ...days(
      'T02',
      'E',
      [addDays(week2, 3), addDays(week2, 4), week3],
      'CNFPT, Pantin',
      'CNFPT',
      12,
      ['S14', 'S16'],
    ),
    {
      code: 'T02',
      siteCode: 'E',
      date: addDays(week3, 1),
      start: '09:00',
      end: '12:30',
      breakMinutes: 0,
      place: 'CNFPT, Pantin',
      trainer: 'CNFPT',
      capacity: 12,
      enrol: ['S14', 'S16'],
    },
    ...days(
      'T07',
      'NE',
      [addDays(week3, 2), addDays(week3, 3)],
      'Salle de formation, Paris Nord Est',
      'Organisme habilité INRS',
      10,
      ['S07', 'S22'],
    ),
    ...days(
      'T09',
      'SE',
      [addDays(week3, 4), addDays(week3, 7)],
      'Paris Sud Est',
      'Intervenant externe',
      12,
      [],
    ),
    ...days('T01', 'NO', [addDays(week3, 1), addDays(week3, 2)], 'Siège', 'Julien Marchetti', 10, [
      'S34',
    ]),
  ];
  for (const planned of sessions) {
    const module = moduleByCode.get(planned.code) as TrainingModuleEntity;
    const location = desk(planned.siteCode);
    const session = await manager.save(
      manager.create(TrainingSessionEntity, {
        organisationId,
        moduleId: module.id,
        siteId: location.siteId,
        locationId: location.id,
        startAt: new Date(zonedInstant(planned.date, planned.start, TZ)),
        endAt: new Date(zonedInstant(planned.date, planned.end, TZ)),
        breakMinutes: planned.breakMinutes,
        place: planned.place,
        trainer: planned.trainer,
        capacity: planned.capacity,
      }),
    );
    for (const ref of planned.enrol) {
      const shift = await manager.save(
        manager.create(ShiftEntity, {
          organisationId,
          siteId: session.siteId,
          personId: personId(ref),
          locationId: session.locationId,
          activity: 'training',
          startAt: session.startAt,
          endAt: session.endAt,
          breakMinutes: session.breakMinutes,
          note: `${module.code} ${module.title}`,
          trainingSessionId: session.id,
          version: 1,
        }),
      );
      await manager.insert(TrainingEnrolmentEntity, {
        organisationId,
        sessionId: session.id,
        personId: personId(ref),
        shiftId: shift.id,
        status: 'enrolled',
      });
    }
  }

  // Historical leavers, for the dynamic-exit statistics (anonymised names).
  const sites: { id: string; code: string }[] = await manager.query(
    'SELECT id, code FROM site WHERE organisation_id = $1',
    [organisationId],
  );
  for (const leaver of LEAVERS) {
    const exitDate = move(leaver.end);
    const { category, durationBucket } = deriveExitCategory({
      outcome: leaver.outcome,
      months: leaver.months,
    });
    const isJob = ['CDD', 'INTERIM', 'CONTRAT_AIDE'].includes(leaver.outcome);
    const followUpDue = addMonths(exitDate, 6);
    // Follow-ups long past their day were held ten days after it; the recent ones are still due.
    const isFollowedUp = addDays(followUpDue, 60) <= today;
    await manager.insert(ExitRecordEntity, {
      organisationId,
      personId: null,
      contractId: null,
      displayName: `Personne sortie ${leaver.ref}`,
      siteId: sites.find((site) => site.code === leaver.siteCode)?.id ?? null,
      contractType: leaver.contractType,
      exitDate,
      category,
      jobContractType:
        leaver.outcome === 'SANS_EMPLOI' || leaver.outcome === 'NEUTRALISEE'
          ? null
          : leaver.outcome,
      durationBucket,
      jobMonths: isJob ? leaver.months : null,
      neutralisedReason: leaver.neutralisedReason ?? null,
      isInternalHire: false,
      entryDate: null,
      employerSector: leaver.sector,
      detail: leaver.detail,
      certificationObtained: (LEAVER_CERTIFICATIONS[leaver.ref] ?? []).length > 0,
      certifiedBlocks: LEAVER_CERTIFICATIONS[leaver.ref] ?? [],
      followUpDue,
      followUpStatus: isFollowedUp
        ? category === 'NEUTRALISEE' || category === null
          ? 'SANS_NOUVELLES'
          : category
        : null,
      followUpOn: isFollowedUp ? addDays(followUpDue, 10) : null,
    });
  }

  // The first certificate reminders, as the hourly job would raise them today.
  await raiseCertificateReminders(manager, today);
}
