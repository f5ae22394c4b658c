import type {
  FixChange,
  RotaFix,
  RotaPerson,
  Shift,
  ShiftCandidate,
  Violation,
} from '@relais/api-types';
import { formatDuration, formatTime } from './french-format';
import { checkRotaWeek, RotaComplianceInput } from './rota-compliance';
import { resolveRuleSettings } from './rule-settings';
import { hasValidSkill } from './skills';
import { civilDate, isoWeekday, MINUTE_MS, offsetMinutes, toEpochMs } from './zoned-time';

/**
 * Who can take a shift, and legal one-click fixes of blocking problems: both computed with the
 * same rules as the grid's checks, by trying the change on the whole week and keeping it only
 * when no new blocking problem appears anywhere.
 */

/** A candidate with the points that ranked it (never shown). */
export interface RankedCandidate extends ShiftCandidate {
  score: number;
}

/** Minutes worked by person over the 4 weeks before the week (for fairness). */
export type RecentMinutes = ReadonlyMap<string, number>;

/** Identity of a violation across two checks of a week. */
export function violationKeyOf(violation: Violation): string {
  return [violation.rule, violation.personId ?? '', [...violation.shiftIds].sort().join(',')].join(
    '|',
  );
}

/**
 * Whether two violations are the same problem across two checks of a week: same rule and person,
 * and, for a site rule, a shift in common (it names the shifts of its slot, which change when one
 * is added); for a person's rule, the same shifts.
 */
export function isSameProblem(a: Violation, b: Violation): boolean {
  if (a.rule !== b.rule || (a.personId ?? '') !== (b.personId ?? '')) return false;
  if (a.shiftIds.length === 0 || b.shiftIds.length === 0)
    return a.shiftIds.length === b.shiftIds.length && a.message === b.message;
  // A person's problem is the same only with the same shifts (a new rest breach may share one).
  if (a.personId) return violationKeyOf(a) === violationKeyOf(b);
  return a.shiftIds.some((id) => b.shiftIds.includes(id));
}

/** The shifts with the changes applied. */
export function applyFixChanges(shifts: readonly Shift[], changes: readonly FixChange[]): Shift[] {
  const byId = new Map(changes.map((change) => [change.shiftId, change]));
  return shifts.map((shift) => {
    const change = byId.get(shift.id);
    if (!change) return shift;
    return {
      ...shift,
      ...(change.personId !== undefined ? { personId: change.personId } : {}),
      ...(change.start !== undefined ? { start: change.start } : {}),
      ...(change.end !== undefined ? { end: change.end } : {}),
      ...(change.breakMinutes !== undefined ? { breakMinutes: change.breakMinutes } : {}),
      ...(change.locationId !== undefined ? { locationId: change.locationId } : {}),
      ...(change.activity !== undefined ? { activity: change.activity } : {}),
    };
  });
}

/**
 * Whether the changes leave no blocking problem that was not there before (and, when given,
 * clear the one they fix).
 */
export function isLegalChange(
  input: RotaComplianceInput,
  before: readonly Violation[],
  changes: readonly FixChange[],
  clears?: Violation,
): boolean {
  let after: Violation[];
  try {
    after = checkRotaWeek({ ...input, shifts: applyFixChanges(input.shifts, changes) });
  } catch {
    return false;
  }
  const had = before.filter((v) => v.severity === 'block');
  const blocking = after.filter((v) => v.severity === 'block');
  if (blocking.some((v) => !had.some((old) => isSameProblem(old, v)))) return false;
  if (clears && after.some((v) => isSameProblem(clears, v))) return false;
  return true;
}

/** The skill a shift's slot asks for (a requirement of its place and time), if any. */
export function requiredSkillOf(input: RotaComplianceInput, shift: Shift): string | null {
  const timeZone = resolveRuleSettings(input.settings).timeZone;
  const date = civilDate(shift.start, timeZone);
  const weekday = isoWeekday(date);
  const start = formatTime(toEpochMs(shift.start), timeZone);
  const end = formatTime(toEpochMs(shift.end), timeZone);
  const requirement = input.requirements.find(
    (r) =>
      r.requiredSkill &&
      r.locationId === shift.locationId &&
      r.weekday === weekday &&
      (r.activity === null || r.activity === shift.activity) &&
      r.startTime < end &&
      start < r.endTime,
  );
  if (requirement?.requiredSkill) return requirement.requiredSkill;
  const isDesk = input.site.locations.some(
    (location) => location.id === shift.locationId && location.kind === 'site',
  );
  return input.site.isFranceServices && isDesk && shift.activity === 'accueil'
    ? 'france_services_initial'
    : null;
}

function holds(person: RotaPerson, skill: string, date: string): boolean {
  return hasValidSkill(
    person.skills.map((s) => ({ code: s.skill, acquiredOn: s.acquiredOn, expiresOn: s.expiresOn })),
    skill,
    date,
  );
}

const SKILL_WORDS: Record<string, string> = {
  france_services_initial: 'formation France Services à jour',
  sst: 'sauveteur secouriste (SST)',
};

/**
 * Who can take `shift` (its person replaced) without any new blocking problem, best first:
 * furthest below contract hours, holding the skill the slot asks for, of this site, fewer hours
 * than the team over the 4 weeks before. Never someone who would break a blocking rule.
 */
export function rankCandidates(
  input: RotaComplianceInput,
  shift: Shift,
  recent: RecentMinutes = new Map(),
  before: readonly Violation[] = checkRotaWeek(input),
  limit = Infinity,
): RankedCandidate[] {
  const timeZone = resolveRuleSettings(input.settings).timeZone;
  const date = civilDate(shift.start, timeZone);
  const skill = requiredSkillOf(input, shift);
  const minutes = Math.max(
    0,
    (toEpochMs(shift.end) - toEpochMs(shift.start)) / MINUTE_MS - shift.breakMinutes,
  );
  const team = input.people.filter((person) => person.id !== shift.personId && person.contract);
  const recentValues = team.flatMap((person) => {
    const value = recent.get(person.id);
    return value === undefined ? [] : [value];
  });
  const average =
    recentValues.length > 0 ? recentValues.reduce((a, b) => a + b, 0) / recentValues.length : null;
  const ranked: RankedCandidate[] = [];
  for (const person of team) {
    const owedMinutes = (person.contract?.weeklyHours ?? 0) * 60 - person.plannedMinutes;
    const hasSkill = skill ? holds(person, skill, date) : false;
    const isHomeSite = person.homeSiteId === input.site.id;
    const worked = recent.get(person.id);
    const fairnessMinutes = average === null || worked === undefined ? null : worked - average;
    // Points, not shown: hours owed count most, then the skill, the home site, fairness.
    const score =
      Math.max(-10, Math.min(35, owedMinutes / 60)) +
      (hasSkill ? 8 : 0) +
      (isHomeSite ? 3 : 0) -
      (fairnessMinutes === null ? 0 : Math.max(-4, Math.min(4, fairnessMinutes / 600)));
    ranked.push({
      personId: person.id,
      name: `${person.firstName} ${person.lastName}`,
      owedMinutes,
      hasSkill,
      isHomeSite,
      fairnessMinutes,
      reasons: reasonsOf(owedMinutes, minutes, skill, hasSkill, isHomeSite, fairnessMinutes),
      score,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'fr'));
  const out: RankedCandidate[] = [];
  for (const candidate of ranked) {
    if (out.length >= limit) break;
    if (isLegalChange(input, before, [{ shiftId: shift.id, personId: candidate.personId }]))
      out.push(candidate);
  }
  return out;
}

function reasonsOf(
  owed: number,
  shiftMinutes: number,
  skill: string | null,
  hasSkill: boolean,
  isHomeSite: boolean,
  fairness: number | null,
): string[] {
  const out: string[] = [];
  if (owed > 0)
    out.push(
      `${formatDuration(owed)} sous son contrat cette semaine${owed >= shiftMinutes ? '' : ' (dépassera un peu)'}`,
    );
  else if (owed === 0) out.push('à son nombre d’heures cette semaine (heures en plus)');
  else out.push(`déjà ${formatDuration(-owed)} au-dessus de son contrat cette semaine`);
  if (skill)
    out.push(
      hasSkill
        ? (SKILL_WORDS[skill] ?? 'a la qualification demandée')
        : 'sans la qualification de ce créneau',
    );
  out.push(isHomeSite ? 'de ce site' : 'd’un autre site');
  if (fairness !== null && Math.abs(fairness) >= 60)
    out.push(
      fairness < 0
        ? `${formatDuration(-fairness)} de moins que la moyenne de l’équipe sur les 4 semaines précédentes`
        : `${formatDuration(fairness)} de plus que la moyenne de l’équipe sur les 4 semaines précédentes`,
    );
  return out;
}

/** A shift's day and times in words: « mardi 09:00–12:30 ». */
function shiftWords(shift: Shift, timeZone: string): string {
  const weekday = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'][
    isoWeekday(civilDate(shift.start, timeZone)) - 1
  ];
  return `${weekday} ${formatTime(toEpochMs(shift.start), timeZone)}–${formatTime(toEpochMs(shift.end), timeZone)}`;
}

/** An instant moved by minutes, written with the zone's offset. */
function shifted(instant: string, minutes: number, timeZone: string): string {
  const ms = toEpochMs(instant) + minutes * MINUTE_MS;
  return isoInZone(ms, timeZone);
}

function isoInZone(ms: number, timeZone: string): string {
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Up to three legal fixes of one blocking violation, each checked on the whole week: it clears
 * the violation and adds no blocking problem anywhere.
 */
export function fixesFor(
  input: RotaComplianceInput,
  violation: Violation,
  recent: RecentMinutes = new Map(),
  before: readonly Violation[] = checkRotaWeek(input),
): RotaFix[] {
  if (violation.severity !== 'block') return [];
  const settings = resolveRuleSettings(input.settings);
  const tz = settings.timeZone;
  const byId = new Map(input.shifts.map((shift) => [shift.id, shift]));
  const names = new Map(input.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const proposals: RotaFix[] = [];
  const key = violationKeyOf(violation);
  const handOver = (shift: Shift, tag: string): void => {
    if (shift.trainingSessionId) return;
    const [best] = rankCandidates(input, shift, recent, before, 1).filter((candidate) =>
      isLegalChange(
        input,
        before,
        [{ shiftId: shift.id, personId: candidate.personId }],
        violation,
      ),
    );
    if (best)
      proposals.push({
        id: `${key}#${tag}:${best.personId}`,
        label: `Confier le créneau du ${shiftWords(shift, tz)} à ${best.name} (${best.reasons[0]})`,
        changes: [{ shiftId: shift.id, personId: best.personId }],
      });
  };

  if (violation.rule === 'DAILY_REST') {
    // The rule names both shifts in no set order: the earlier one ends the rest, the later one starts it.
    const [first, later] = violation.shiftIds
      .map((id) => byId.get(id))
      .filter((shift): shift is Shift => !!shift)
      .sort((a, b) => toEpochMs(a.start) - toEpochMs(b.start));
    if (first && later && !first.trainingSessionId && !later.trainingSessionId) {
      const rest = (toEpochMs(later.start) - toEpochMs(first.end)) / MINUTE_MS;
      const missing = Math.ceil(settings.dailyRestMinutes - rest);
      if (missing > 0) {
        const newStart = shifted(later.start, missing, tz);
        if (toEpochMs(newStart) + later.breakMinutes * MINUTE_MS < toEpochMs(later.end))
          proposals.push({
            id: `${key}#later-start`,
            label: `Commencer le créneau du ${shiftWords(later, tz)} à ${formatTime(toEpochMs(newStart), tz)} (${formatDuration(missing)} plus tard)`,
            changes: [{ shiftId: later.id, start: newStart }],
          });
        const newEnd = shifted(first.end, -missing, tz);
        if (toEpochMs(first.start) + first.breakMinutes * MINUTE_MS < toEpochMs(newEnd))
          proposals.push({
            id: `${key}#earlier-end`,
            label: `Finir le créneau du ${shiftWords(first, tz)} à ${formatTime(toEpochMs(newEnd), tz)} (${formatDuration(missing)} plus tôt)`,
            changes: [{ shiftId: first.id, end: newEnd }],
          });
        handOver(later, 'later-to');
        handOver(first, 'earlier-to');
      }
    }
  } else if (violation.rule === 'BREAK_6H') {
    // The longest shift of the day gets the legal break (when it has room for it).
    const shifts = violation.shiftIds
      .map((id) => byId.get(id))
      .filter((shift): shift is Shift => !!shift && !shift.trainingSessionId)
      .sort(
        (a, b) => toEpochMs(b.end) - toEpochMs(b.start) - (toEpochMs(a.end) - toEpochMs(a.start)),
      );
    const longest = shifts[0];
    if (longest && longest.breakMinutes < settings.breakMinMinutes) {
      proposals.push({
        id: `${key}#break`,
        label: `Ajouter une pause de ${settings.breakMinMinutes} min au créneau du ${shiftWords(longest, tz)}`,
        changes: [{ shiftId: longest.id, breakMinutes: settings.breakMinMinutes }],
      });
    }
    for (const shift of shifts.slice(0, 2)) handOver(shift, `to-${shift.id}`);
  } else if (violation.rule === 'FS_TRAINED_COVERAGE' || violation.rule === 'SKILL_REQUIRED') {
    const skill = violation.rule === 'FS_TRAINED_COVERAGE' ? 'france_services_initial' : null;
    const involved = violation.shiftIds
      .map((id) => byId.get(id))
      .filter((shift): shift is Shift => !!shift);
    // Swap an untrained agent for a trained colleague, or staff an open desk shift of the slot.
    const date = involved[0] ? civilDate(involved[0].start, tz) : null;
    const people = new Map(input.people.map((p) => [p.id, p]));
    const untrained = involved.filter((shift) => {
      const person = shift.personId ? people.get(shift.personId) : undefined;
      return !person || !date || !(skill ? holds(person, skill, date) : false);
    });
    const open = input.shifts.filter(
      (shift) =>
        shift.personId === null &&
        involved.some(
          (other) =>
            other.locationId === shift.locationId &&
            toEpochMs(other.start) < toEpochMs(shift.end) &&
            toEpochMs(shift.start) < toEpochMs(other.end),
        ),
    );
    // A trained colleague already at work then, on other tasks: she comes to the desk instead.
    const desk = involved[0] ?? null;
    if (skill && desk && date) {
      const busyTrained = input.shifts.filter((shift) => {
        const person = shift.personId ? people.get(shift.personId) : undefined;
        return (
          !!person &&
          !shift.trainingSessionId &&
          !involved.some((other) => other.id === shift.id) &&
          (shift.locationId !== desk.locationId || shift.activity !== 'accueil') &&
          holds(person, skill, date) &&
          toEpochMs(shift.start) <= toEpochMs(desk.start) &&
          toEpochMs(shift.end) >= toEpochMs(desk.end)
        );
      });
      for (const shift of busyTrained.slice(0, 3)) {
        const name = shift.personId ? names.get(shift.personId) : '';
        proposals.push({
          id: `${key}#desk-${shift.id}`,
          label: `Faire passer ${name} à l’accueil le ${shiftWords(shift, tz)} (formation France Services à jour), au lieu de son autre tâche`,
          changes: [{ shiftId: shift.id, locationId: desk.locationId, activity: 'accueil' }],
        });
      }
    }
    for (const shift of [...untrained, ...open]) {
      if (proposals.length >= 3) break;
      const candidates = rankCandidates(input, shift, recent, before, 6).filter(
        (candidate) =>
          (!skill || candidate.hasSkill) &&
          isLegalChange(
            input,
            before,
            [{ shiftId: shift.id, personId: candidate.personId }],
            violation,
          ),
      );
      const best = candidates[0];
      if (!best) continue;
      const previous = shift.personId ? names.get(shift.personId) : null;
      proposals.push({
        id: `${key}#swap-${shift.id}:${best.personId}`,
        label: previous
          ? `Remplacer ${previous} par ${best.name} (${best.reasons.slice(0, 2).join(', ')}) le ${shiftWords(shift, tz)}`
          : `Confier le créneau à pourvoir du ${shiftWords(shift, tz)} à ${best.name} (${best.reasons.slice(0, 2).join(', ')})`,
        changes: [{ shiftId: shift.id, personId: best.personId }],
      });
    }
  } else {
    // Any other problem tied to a person's shifts: hand one of them to a colleague who can take it.
    for (const id of violation.shiftIds.slice(0, 3)) {
      const shift = byId.get(id);
      if (shift?.personId && !shift.trainingSessionId) handOver(shift, `to-${id}`);
    }
  }
  const seen = new Set<string>();
  return proposals
    .filter((fix) => {
      const signature = JSON.stringify(fix.changes);
      if (seen.has(signature)) return false;
      seen.add(signature);
      return isLegalChange(input, before, fix.changes, violation);
    })
    .slice(0, 3);
}

/** The fixes of every blocking violation of a week, by violation key. */
export function weekFixes(
  input: RotaComplianceInput,
  recent: RecentMinutes = new Map(),
): { violation: Violation; fixes: RotaFix[] }[] {
  const before = checkRotaWeek(input);
  return before
    .filter((violation) => violation.severity === 'block')
    .map((violation) => ({ violation, fixes: fixesFor(input, violation, recent, before) }));
}
