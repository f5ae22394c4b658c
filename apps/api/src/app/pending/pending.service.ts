import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  PendingCount,
  PendingDecisions,
  RotaPerson,
  StaffRequest,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  checkRotaPerson,
  civilDatesBetween,
  isoWeekday,
  RULES_WAIVED_FOR_SWAPS,
  shiftToWorkItem,
  zonedInstant,
} from '@relais/rules';
import { DataSource } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { OpenShiftsService } from '../open-shifts/open-shifts.service';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { RequestsService } from '../requests/requests.service';
import { SiteWeekLoader } from '../rota/site-week/site-week.loader';
import { SwapsService } from '../swaps/swaps.service';

const NO_SITE = '00000000-0000-0000-0000-000000000000';

function violationKey(violation: Violation): string {
  return `${violation.rule}|${violation.personId ?? ''}|${[...violation.shiftIds].sort().join(',')}`;
}

/**
 * What waits for a manager's decision on the sites they run (everything for HR and the
 * direction): leave and unavailability requests, swaps both people agreed to, claims on open
 * shifts. Never the caller's own. Each item comes with the rules' verdict on approving it now.
 */
@Injectable()
export class PendingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly requests: RequestsService,
    private readonly swaps: SwapsService,
    private readonly openShifts: OpenShiftsService,
    private readonly loader: SiteWeekLoader,
  ) {}

  /** The navigation's badge: one query, no rules run. */
  async count(user: AuthUser): Promise<PendingCount> {
    const isWide = this.access.isOrganisationWide(user.role);
    const siteIds = user.siteIds.length ? user.siteIds : [NO_SITE];
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM staff_request r JOIN person p ON p.id = r.person_id
           WHERE r.organisation_id = $1 AND r.status = 'pending' AND r.person_id <> $2
             AND ($3 OR p.home_site_id = ANY($4::uuid[])))
       + (SELECT count(*) FROM shift_swap w JOIN shift s ON s.id = w.shift_id
           WHERE w.organisation_id = $1 AND w.status = 'accepted'
             AND w.from_person_id <> $2 AND w.to_person_id <> $2
             AND ($3 OR s.site_id = ANY($4::uuid[])))
       + (SELECT count(*) FROM open_shift_claim c JOIN shift s ON s.id = c.shift_id
           WHERE c.organisation_id = $1 AND c.status = 'pending' AND c.person_id <> $2
             AND ($3 OR s.site_id = ANY($4::uuid[])))
       AS count`,
      [user.organisationId, user.personId, isWide, siteIds],
    );
    return { count: Number(row.count) };
  }

  async list(user: AuthUser): Promise<PendingDecisions> {
    const problems: Record<string, string> = {};
    const requests = (await this.requests.list(user, 'pending')).filter(
      (request) => request.personId !== user.personId,
    );
    const pendingRequests = [];
    for (const request of requests)
      pendingRequests.push({ request, violations: await this.requestVerdict(user, request) });
    const swaps = (await this.swaps.list(user, 'accepted')).filter(
      (swap) => swap.fromPersonId !== user.personId && swap.toPersonId !== user.personId,
    );
    for (const swap of swaps) {
      const verdict = await this.swaps.preview(user, swap);
      swap.violations = verdict.violations;
      if (verdict.problem) problems[swap.id] = verdict.problem;
    }
    const claims = (await this.openShifts.claims(user, 'pending')).filter(
      (claim) => claim.personId !== user.personId,
    );
    for (const claim of claims) {
      const verdict = await this.openShifts.preview(user, claim);
      claim.violations = verdict.violations;
      if (verdict.problem) problems[claim.id] = verdict.problem;
    }
    return {
      count: pendingRequests.length + swaps.length + claims.length,
      requests: pendingRequests,
      swaps,
      claims,
      problems,
    };
  }

  /**
   * The blocking problems approving a request would create: the person's work planned during
   * the absence (or the weekly unavailability) asked for.
   */
  private async requestVerdict(user: AuthUser, request: StaffRequest): Promise<Violation[]> {
    const manager = this.dataSource.manager;
    const settings = await readOrganisationSettings(manager, user.organisationId);
    const timeZone = settings.timeZone;
    const [person] = await this.loader.people(
      manager,
      user,
      [request.personId],
      addDays(request.start, -1),
      addDays(request.end, 1),
      new Set(),
      undefined,
      timeZone,
    );
    if (!person) return [];
    const items = person.otherItems.map((item) =>
      shiftToWorkItem({ ...item, personId: person.id }),
    );
    const ruleSettings = {
      ...settings,
      ...(await this.loader.locationRules(manager, user.organisationId)),
    };
    const window = { from: request.start, to: request.end };
    const blocking = (target: RotaPerson) =>
      checkRotaPerson(target, items, window, ruleSettings).filter(
        (violation) =>
          violation.severity === 'block' && !RULES_WAIVED_FOR_SWAPS.has(violation.rule),
      );
    const before = new Set(blocking(person).map(violationKey));
    const asked: RotaPerson['absences'] =
      request.weekday && request.startTime && request.endTime
        ? civilDatesBetween(request.start, request.end)
            .filter((date) => isoWeekday(date) === request.weekday)
            .map((date) => ({
              start: toZonedIso(
                zonedInstant(date, request.startTime as string, timeZone),
                timeZone,
              ),
              end: toZonedIso(zonedInstant(date, request.endTime as string, timeZone), timeZone),
              kind: 'unavailability',
            }))
        : [
            {
              start: request.start,
              end: request.end,
              kind: request.kind === 'leave' ? 'leave' : 'unavailability',
            },
          ];
    return blocking({ ...person, absences: [...person.absences, ...asked] }).filter(
      (violation) => !before.has(violationKey(violation)),
    );
  }
}
