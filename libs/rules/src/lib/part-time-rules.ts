import { Violation } from '@relais/api-types';
import {
  formatDate,
  formatDayLabel,
  formatDuration,
  formatHours,
  formatTime,
} from './french-format';
import {
  partsInWindow,
  PersonContext,
  segmentPartsOn,
  weekInWords,
  weekItemIds,
  weekMinutes,
  weekRun,
} from './person-context';
import { Absence, ContractPeriod } from './person-input';
import { skillViolation } from './skills';
import { makeViolation } from './violation-builder';
import {
  addDays,
  CivilDate,
  daysBetween,
  Interval,
  isCivilDate,
  isoWeekday,
  IsoWeekRange,
  localDate,
  MINUTE_MS,
  overlapMs,
  sharedDayBucket,
  startOfCivilDay,
  toEpochMs,
} from './zoned-time';

/** The contract in force on a civil day, if any. */
export function contractOn(
  contracts: readonly ContractPeriod[],
  date: CivilDate,
): ContractPeriod | undefined {
  return contracts.find(
    (c) => c.start <= date && (c.end === undefined || c.end === null || c.end >= date),
  );
}

function isSuspended(contract: ContractPeriod, date: CivilDate): boolean {
  return (contract.suspensions ?? []).some((s) => s.start <= date && s.end >= date);
}

/** Absence bounds on the timeline; a bare date covers the whole civil day. */
export function absenceInterval(absence: Absence, timeZone: string): Interval {
  const start =
    typeof absence.start === 'string' && isCivilDate(absence.start)
      ? startOfCivilDay(absence.start, timeZone)
      : toEpochMs(absence.start);
  const end =
    typeof absence.end === 'string' && isCivilDate(absence.end)
      ? startOfCivilDay(addDays(absence.end, 1), timeZone)
      : toEpochMs(absence.end);
  return { start, end };
}

/** The person's absences on the timeline, computed once (shared, read-only). */
function absenceIntervals(ctx: PersonContext): Interval[] {
  ctx.memo.absences ??= (ctx.input.absences ?? []).map((a) => absenceInterval(a, ctx.timeZone));
  return ctx.memo.absences;
}

/** The contract covering most days of a week (the later one on a tie). */
function weekContract(ctx: PersonContext, week: IsoWeekRange): ContractPeriod | undefined {
  const memo = (ctx.memo.weekContracts ??= new Map());
  if (memo.has(week.week)) return memo.get(week.week);
  const best = computeWeekContract(ctx, week);
  memo.set(week.week, best);
  return best;
}

function computeWeekContract(ctx: PersonContext, week: IsoWeekRange): ContractPeriod | undefined {
  let best: ContractPeriod | undefined;
  let bestDays = 0;
  for (const c of ctx.input.contracts) {
    let days = 0;
    for (const d of week.days)
      if (c.start <= d && (c.end === undefined || c.end === null || c.end >= d)) days++;
    if (days > 0 && days >= bestDays) {
      best = c;
      bestDays = days;
    }
  }
  return best;
}

function isPartTime(ctx: PersonContext, c: ContractPeriod | undefined): c is ContractPeriod {
  return c !== undefined && c.weeklyHours < ctx.settings.fullTimeWeeklyHours;
}

/** OUTSIDE_CONTRACT: work outside the contract's dates or during a suspension. */
export function checkOutsideContract(ctx: PersonContext): Violation[] {
  const out: Violation[] = [];
  const items = ctx.timeline.items;
  for (let i = 0; i < items.length; i++) {
    const t = items[i];
    const parts = ctx.itemParts[i];
    if (!partsInWindow(ctx, parts)) continue;
    let uncovered: CivilDate | undefined;
    let suspended: CivilDate | undefined;
    for (const { date } of parts) {
      if (!contractOn(ctx.input.contracts, date)) {
        uncovered = date;
        break;
      }
    }
    if (uncovered === undefined) {
      for (const { date } of parts) {
        const c = contractOn(ctx.input.contracts, date);
        if (c !== undefined && isSuspended(c, date)) {
          suspended = date;
          break;
        }
      }
    }
    if (uncovered === undefined && suspended === undefined) continue;
    const times = `${formatTime(t.start, ctx.timeZone)}–${formatTime(t.end, ctx.timeZone)}`;
    if (uncovered !== undefined) {
      out.push(
        makeViolation(
          'OUTSIDE_CONTRACT',
          `Créneau du ${formatDayLabel(uncovered)} (${times}) hors des dates d’un contrat.`,
          { personId: ctx.personId, shiftIds: [t.id] },
        ),
      );
    } else if (suspended !== undefined) {
      out.push(
        makeViolation(
          'OUTSIDE_CONTRACT',
          `Créneau du ${formatDayLabel(suspended)} (${times}) pendant une suspension du contrat.`,
          { personId: ctx.personId, shiftIds: [t.id] },
        ),
      );
    }
  }
  return out;
}

/** DURING_ABSENCE: work during leave, sickness or approved unavailability (the reason stays hidden). */
export function checkDuringAbsence(ctx: PersonContext): Violation[] {
  const absences = absenceIntervals(ctx);
  if (absences.length === 0) return [];
  return ctx.timeline.items
    .filter(
      (t, i) => partsInWindow(ctx, ctx.itemParts[i]) && absences.some((a) => overlapMs(a, t) > 0),
    )
    .map((t) =>
      makeViolation(
        'DURING_ABSENCE',
        `Créneau du ${formatDayLabel(localDate(t.start, ctx.timeZone))} (${formatTime(t.start, ctx.timeZone)}–${formatTime(t.end, ctx.timeZone)}) pendant une absence ou une indisponibilité.`,
        { personId: ctx.personId, shiftIds: [t.id] },
      ),
    );
}

/**
 * Contract minutes owed in a week: a fifth of the weekly hours per Monday–Friday day under
 * contract, minus public holidays, suspensions and absences.
 */
export function expectedWeekMinutes(ctx: PersonContext, week: IsoWeekRange): number {
  const absences = absenceIntervals(ctx);
  let total = 0;
  // A week's days run from Monday (ISO weekday 1) to Sunday.
  for (let i = 0; i < week.days.length; i++) {
    const d = week.days[i];
    if (i + 1 > 5 || ctx.holidays.has(d)) continue;
    const c = contractOn(ctx.input.contracts, d);
    if (!c || isSuspended(c, d)) continue;
    const share = (c.weeklyHours * 60) / 5;
    if (absences.length === 0) {
      // No absence: nothing to deduct (a day is never 0 minutes long).
      total += Math.max(0, share);
      continue;
    }
    const day = sharedDayBucket(d, ctx.timeZone);
    const absent = absences.reduce((s, a) => s + overlapMs(a, day), 0) / MINUTE_MS;
    const fullDay = (day.end - day.start) / MINUTE_MS;
    total += absent >= fullDay ? 0 : Math.max(0, share - absent);
  }
  return total;
}

/** CONTRACT_HOURS_UNDER: planned week below contract hours, net of absences (tolerance *cfg*). */
export function checkContractHoursUnder(ctx: PersonContext): Violation[] {
  const out: Violation[] = [];
  for (const w of ctx.windowWeeks) {
    const expected = expectedWeekMinutes(ctx, w);
    const planned = weekMinutes(ctx, w);
    if (expected > 0 && planned < expected - ctx.settings.contractHoursToleranceMinutes) {
      out.push(
        makeViolation(
          'CONTRACT_HOURS_UNDER',
          `${formatDuration(planned)} planifiées sur la ${weekInWords(ctx, w.week)} pour ${formatDuration(expected)} dues au contrat (absences et jours fériés déduits).`,
          { personId: ctx.personId, shiftIds: weekItemIds(ctx, w) },
        ),
      );
    }
  }
  return out;
}

/**
 * COMPLEMENTARY_HOURS (≤ 1/10 of contract hours, L3123-28; 1/3 by agreement, L3123-20) and
 * PART_TIME_REACHES_FULL_TIME (never 35 h, L3123-9).
 */
export function checkComplementaryHours(ctx: PersonContext): Violation[] {
  const out: Violation[] = [];
  for (const w of ctx.windowWeeks) {
    const c = weekContract(ctx, w);
    if (!isPartTime(ctx, c)) continue;
    const planned = weekMinutes(ctx, w);
    const contractMinutes = c.weeklyHours * 60;
    const cap = Math.round(contractMinutes * ctx.settings.complementaryHoursRatio * 1000) / 1000;
    const extra = planned - contractMinutes;
    const full = ctx.settings.fullTimeWeeklyHours * 60;
    if (extra <= cap && planned < full) continue;
    const ids = weekItemIds(ctx, w);
    if (extra > cap) {
      out.push(
        makeViolation(
          'COMPLEMENTARY_HOURS',
          `${formatDuration(extra)} d’heures complémentaires sur la ${weekInWords(ctx, w.week)} pour un contrat de ${formatDuration(contractMinutes)} (limite ${formatDuration(cap)}).`,
          { personId: ctx.personId, shiftIds: ids },
        ),
      );
    }
    if (planned >= full) {
      out.push(
        makeViolation(
          'PART_TIME_REACHES_FULL_TIME',
          `${formatDuration(planned)} planifiées sur la ${weekInWords(ctx, w.week)} : un temps partiel (${formatDuration(contractMinutes)}) ne peut pas atteindre ${formatDuration(full)}.`,
          { personId: ctx.personId, shiftIds: ids },
        ),
      );
    }
  }
  return out;
}

/** The period L3123-13 looks at: 12 weeks, consecutive or within 15. */
export const HOURS_REVIEW_WEEKS = 12;
export const HOURS_REVIEW_PERIOD_WEEKS = 15;
/** Hours worked beyond the contract, on average a week, that call for a higher contract. */
const HOURS_REVIEW_EXCESS_MINUTES = 120;

/**
 * PART_TIME_HOURS_REVIEW (L3123-13): when a part-timer's hours actually worked exceed the contract
 * by 2 h or more a week on average over 12 consecutive weeks, or over 12 weeks of a period of 15,
 * the contract's hours must be raised by that average (with 7 days' notice, unless the person
 * refuses). Each period of 15 weeks ending on an evaluated week is read with the history the
 * check carries; the one with the highest average is told, with the figure.
 */
export function checkHoursReview(ctx: PersonContext): Violation[] {
  if (!ctx.input.contracts.some((c) => c.weeklyHours < ctx.settings.fullTimeWeeklyHours)) return [];
  // A week counts only under a part-time contract; its excess is over that week's contract.
  // Periods of successive evaluated weeks overlap: each week is read once.
  type Excess = { week: IsoWeekRange; minutes: number; contractMinutes: number };
  // The window's weeks follow each other: the period ending on its k-th week is run[k..k + 14].
  const run = weekRun(
    ctx.windowWeeks[0].week,
    1 - HOURS_REVIEW_PERIOD_WEEKS,
    ctx.windowWeeks.length + HOURS_REVIEW_PERIOD_WEEKS - 1,
    ctx.timeZone,
  );
  const byWeek: (Excess | null)[] = run.map((week) => {
    const c = weekContract(ctx, week);
    return isPartTime(ctx, c)
      ? {
          week,
          minutes: weekMinutes(ctx, week) - c.weeklyHours * 60,
          contractMinutes: c.weeklyHours * 60,
        }
      : null;
  });
  let worst: { average: number; weeks: IsoWeekRange[]; contractMinutes: number } | undefined;
  for (let k = 0; k < ctx.windowWeeks.length; k++) {
    const last = ctx.windowWeeks[k];
    const excess: Excess[] = [];
    for (let i = 0; i < HOURS_REVIEW_PERIOD_WEEKS; i++) {
      const known = byWeek[k + i];
      if (known) excess.push(known);
    }
    if (excess.length < HOURS_REVIEW_WEEKS) continue;
    const best = [...excess].sort((a, b) => b.minutes - a.minutes).slice(0, HOURS_REVIEW_WEEKS);
    const average = best.reduce((sum, e) => sum + e.minutes, 0) / HOURS_REVIEW_WEEKS;
    if (average < HOURS_REVIEW_EXCESS_MINUTES || (worst && average <= worst.average)) continue;
    const current = weekContract(ctx, last);
    worst = {
      average,
      weeks: best.map((e) => e.week).sort((a, b) => (a.week < b.week ? -1 : 1)),
      contractMinutes: current && isPartTime(ctx, current) ? current.weeklyHours * 60 : 0,
    };
  }
  if (!worst || worst.contractMinutes === 0) return [];
  const from = worst.weeks[0].week;
  const to = worst.weeks[worst.weeks.length - 1].week;
  const evaluated = new Set(ctx.windowWeeks.map((w) => w.week));
  // Minutes rounded down: the figure the contract would at least reach.
  const raised = worst.contractMinutes + Math.floor(worst.average);
  return [
    makeViolation(
      'PART_TIME_HOURS_REVIEW',
      `${formatDuration(Math.floor(worst.average))} de plus que le contrat (${formatDuration(worst.contractMinutes)}) en moyenne sur ${HOURS_REVIEW_WEEKS} semaines, de la ${weekInWords(ctx, from)} à la ${weekInWords(ctx, to)} : l’horaire du contrat doit être porté à ${formatDuration(raised)} par semaine, avec 7 jours de prévenance, sauf opposition de la personne.`,
      {
        personId: ctx.personId,
        shiftIds: worst.weeks
          .filter((w) => evaluated.has(w.week))
          .flatMap((w) => weekItemIds(ctx, w)),
      },
    ),
  ];
}

/** Jours ouvrés (Monday–Friday, public holidays excluded) strictly between two civil days. */
export function workingDaysBetween(
  from: CivilDate,
  to: CivilDate,
  holidays: ReadonlyMap<CivilDate, string> | ReadonlySet<CivilDate>,
): number {
  let n = 0;
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) {
    if (isoWeekday(d) <= 5 && !holidays.has(d)) n++;
  }
  return n;
}

/**
 * PART_TIME_NOTICE (7 jours ouvrés, L3123-31; ≥ 3 by agreement, L3123-24), SHORT_NOTICE_EXTRA
 * (complementary hours announced < 3 days ahead may be refused, L3123-10) and CYCLE_NOTICE
 * (7 days in a multi-week scheme, L3121-47). Notice counts whole days after the publication day
 * and before the first affected day.
 *
 * Hours added on top of a week already at the contract's hours are complementary hours: L3123-10
 * governs them (3 days, or the person may refuse), not the notice of a change to the distribution
 * of the hours. A change the person agreed to in writing owes no notice (Cass. soc. 9 nov. 2016).
 */
export function checkNotice(ctx: PersonContext): Violation[] {
  const s = ctx.settings;
  const out: Violation[] = [];
  for (const change of ctx.input.changes ?? []) {
    const first = change.firstAffectedDay;
    if (!ctx.windowDaySet.has(first)) continue;
    const published = localDate(toEpochMs(change.publishedAt), ctx.timeZone);
    const contract = contractOn(ctx.input.contracts, first);
    const opts = { personId: ctx.personId, shiftIds: change.shiftIds };
    const what =
      change.kind === 'removed'
        ? 'Suppression d’un créneau'
        : change.kind === 'added'
          ? 'Ajout d’un créneau'
          : 'Modification';
    const when = `publiée le ${formatDate(published)} pour le ${formatDate(first)}`;
    const agreed = change.hasWrittenAgreement === true;
    if (isPartTime(ctx, contract)) {
      const week = ctx.windowWeeks.find((w) => w.days.includes(first));
      const planned = week === undefined ? 0 : weekMinutes(ctx, week);
      const contractMinutes = contract.weeklyHours * 60;
      const hasExtra = planned > contractMinutes;
      const adds = change.addedMinutes === undefined ? hasExtra : change.addedMinutes > 0;
      // Added on top of the contract's hours: only complementary hours (L3123-10).
      const isOnlyExtra =
        change.kind === 'added' &&
        change.addedMinutes !== undefined &&
        planned - change.addedMinutes >= contractMinutes;
      const workingDays = workingDaysBetween(published, first, ctx.holidays);
      if (!agreed && !isOnlyExtra && workingDays < s.partTimeNoticeWorkingDays) {
        out.push(
          makeViolation(
            'PART_TIME_NOTICE',
            `${what} ${when} : ${workingDays} jours ouvrés de prévenance (minimum ${s.partTimeNoticeWorkingDays}, C. trav., art. L3123-31 ; sans délai avec l’accord écrit de la personne).`,
            opts,
          ),
        );
      }
      if (!agreed && adds && hasExtra && daysBetween(published, first) < s.shortNoticeExtraDays) {
        out.push(
          makeViolation(
            'SHORT_NOTICE_EXTRA',
            `Heures complémentaires ${when}, moins de ${s.shortNoticeExtraDays} jours à l’avance : la personne peut les refuser sans faute (C. trav., art. L3123-10).`,
            opts,
          ),
        );
      }
    }
    const inCycle = ctx.input.inMultiWeekCycle === true || (contract?.cycleWeeks ?? 0) > 1;
    if (inCycle && daysBetween(published, first) < s.cycleNoticeDays) {
      out.push(
        makeViolation(
          'CYCLE_NOTICE',
          `${what} ${when} : ${Math.max(0, daysBetween(published, first))} jours de prévenance dans un cycle pluri-hebdomadaire (minimum ${s.cycleNoticeDays}, C. trav., art. L3121-47).`,
          opts,
        ),
      );
    }
  }
  return out;
}

/**
 * PART_TIME_SPLIT_DAY: at most one coupure of at most 2 h in a part-timer's day (L3123-30); only
 * an agreement with specific counterparts may allow more, recorded in the settings.
 */
export function checkSplitDay(ctx: PersonContext): Violation[] {
  const s = ctx.settings;
  // Only a part-time contract can make a day's contract part-time.
  if (!ctx.input.contracts.some((c) => isPartTime(ctx, c))) return [];
  const out: Violation[] = [];
  for (const d of ctx.windowDays) {
    if (!isPartTime(ctx, contractOn(ctx.input.contracts, d))) continue;
    // The day's parts in segment order, then sorted (a stable sort, as before).
    const parts = [...segmentPartsOn(ctx, d)].sort((a, b) => a.start - b.start);
    const breaks: number[] = [];
    let end = Number.NaN;
    for (const p of parts) {
      const gap = (p.start - end) / MINUTE_MS;
      if (gap >= s.splitDayMinGapMinutes) breaks.push(gap);
      end = Number.isNaN(end) ? p.end : Math.max(end, p.end);
    }
    const longest = Math.max(0, ...breaks);
    let message: string | undefined;
    if (breaks.length > s.splitDayMaxBreaks) {
      message = `${breaks.length} coupures le ${formatDayLabel(d)} (maximum ${s.splitDayMaxBreaks}).`;
    } else if (longest > s.splitDayMaxBreakMinutes) {
      message = `Coupure de ${formatDuration(longest)} le ${formatDayLabel(d)} (maximum ${formatDuration(s.splitDayMaxBreakMinutes)}).`;
    }
    if (message) {
      const basis =
        s.splitDayAgreement === null
          ? 'interdit sans accord prévoyant des contreparties, C. trav., art. L3123-30'
          : `permis par l’accord « ${s.splitDayAgreement.reference} », C. trav., art. L3123-30`;
      out.push(
        makeViolation('PART_TIME_SPLIT_DAY', `${message.slice(0, -2)}) : ${basis}.`, {
          personId: ctx.personId,
          shiftIds: ctx.idsByDay.get(d) ?? [],
          // L3123-30 forbids it unless an agreement allows it with counterparts: then a warning.
          severity: s.splitDayAgreement === null ? 'block' : 'warn',
        }),
      );
    }
  }
  return out;
}

/** Under 24 h a week by a recorded derogation: PART_TIME_GROUPING applies. */
function isGroupingConcerned(ctx: PersonContext, c: ContractPeriod): boolean {
  return c.hasPartTimeDerogation === true && c.weeklyHours < ctx.settings.partTimeFloorHours;
}

/**
 * PART_TIME_GROUPING: a contract under 24 h a week by a recorded derogation holds only if the
 * hours are grouped in regular or complete days or half-days (L3123-7, last paragraph). A day's
 * work is cut into blocks at each interruption of a coupure's length (shorter ones are pauses);
 * a block shorter than the half-day minimum is flagged.
 */
export function checkPartTimeGrouping(ctx: PersonContext): Violation[] {
  const s = ctx.settings;
  const min = s.partTimeGroupingMinBlockMinutes;
  if (!ctx.input.contracts.some((c) => isGroupingConcerned(ctx, c))) return [];
  const out: Violation[] = [];
  for (const d of ctx.windowDays) {
    const c = contractOn(ctx.input.contracts, d);
    if (!c || !isGroupingConcerned(ctx, c)) continue;
    const parts = [...segmentPartsOn(ctx, d)].sort((a, b) => a.start - b.start);
    const blocks: Interval[] = [];
    for (const p of parts) {
      const last = blocks[blocks.length - 1];
      if (last && (p.start - last.end) / MINUTE_MS < s.splitDayMinGapMinutes) {
        last.end = Math.max(last.end, p.end);
      } else {
        blocks.push({ start: p.start, end: p.end });
      }
    }
    const short = blocks.find((b) => (b.end - b.start) / MINUTE_MS < min);
    if (!short) continue;
    const times = `${formatTime(short.start, ctx.timeZone)}–${formatTime(short.end, ctx.timeZone)}`;
    out.push(
      makeViolation(
        'PART_TIME_GROUPING',
        `Bloc de travail de ${formatDuration((short.end - short.start) / MINUTE_MS)} le ${formatDayLabel(d)} (${times}) : un temps partiel de ${formatHours(c.weeklyHours)} par dérogation regroupe ses heures en journées ou demi-journées, soit ${formatDuration(min)} au moins par bloc (C. trav., art. L3123-7).`,
        { personId: ctx.personId, shiftIds: ctx.idsByDay.get(d) ?? [] },
      ),
    );
  }
  return out;
}

/**
 * SKILL_REQUIRED for one person: an activity needing a habilitation the person lacks;
 * CERTIFICATE_EXPIRED when the one held has expired by the day.
 */
export function checkPersonSkills(ctx: PersonContext): Violation[] {
  const skills = ctx.input.skills;
  if (skills === undefined) return [];
  const out: Violation[] = [];
  const items = ctx.timeline.items;
  for (let i = 0; i < items.length; i++) {
    const t = items[i];
    if (!partsInWindow(ctx, ctx.itemParts[i])) continue;
    const required = t.item.requiredSkill ?? ctx.settings.requiredSkillByActivity[t.item.activity];
    if (!required) continue;
    const date = localDate(t.start, ctx.timeZone);
    const problem = skillViolation(required, skills, ctx.input.isEmployee !== false, date);
    if (!problem) continue;
    out.push(
      makeViolation(problem.rule, `Créneau du ${formatDayLabel(date)} : ${problem.message}`, {
        personId: ctx.personId,
        shiftIds: [t.id],
      }),
    );
  }
  return out;
}
