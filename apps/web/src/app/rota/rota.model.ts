import type {
  CoverageCell,
  HourBands,
  Location,
  RotaPerson,
  Severity,
  Shift,
  Violation,
} from '@relais/api-types';
import {
  addDays,
  civilDate,
  daysBetween,
  effectiveMinutes,
  formatDuration,
  formatTime,
  isoWeekday,
  isRuleCode,
  MINUTE_MS,
  offsetMinutes,
  parseIsoWeek,
  RULE_CATALOGUE,
  ruleShortLabel,
  startOfCivilDay,
  toEpochMs,
  weeklyPremiums,
  zonedInstant,
} from '@relais/rules';
import { ORGANISATION_TIME_ZONE } from '../core/time';

const TZ = ORGANISATION_TIME_ZONE;

/** A row of the grid: the open line, a person of the team, a person lent by another site, or a location. */
export interface GridRow {
  key: string;
  kind: 'open' | 'team' | 'guest' | 'location';
  personId: string | null;
  locationId: string | null;
  /** Person's full name or location name; empty for the open line (translated by the page). */
  name: string;
}

/** Where a chip lands: a person (or the open line) in the person view, a location in the location view. */
export interface DropTarget {
  date: string;
  personId?: string | null;
  locationId?: string;
}

export interface HourCounter {
  planned: number;
  target: number;
  /** Part-time ceiling: contract + the complementary-hours share (1/10 by law, up to 1/3 by agreement, L3123-20), null for full time. */
  ceiling: number | null;
  /** planned − target, in minutes. */
  delta: number;
  state: 'under' | 'on' | 'over' | 'none';
  /** The planned minutes by pay band under the week's contract; null without a contract. */
  bands: HourBands | null;
}

// ---------- time ----------

/** "2026-12-01T09:00:00+01:00" for an instant, in the organisation's zone. */
export function toZonedIso(ms: number, timeZone = TZ): string {
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** "09:00" of an ISO instant, Paris time. */
export function clock(instant: string): string {
  return formatTime(toEpochMs(instant), TZ);
}

/** "09:00–12:30". */
export function shiftRange(shift: Pick<Shift, 'start' | 'end'>): string {
  return `${clock(shift.start)}–${clock(shift.end)}`;
}

/** The civil day a shift belongs to (the day it starts). */
export function shiftDate(shift: Pick<Shift, 'start'>): string {
  return civilDate(shift.start, TZ);
}

/** Worked minutes of a shift (break deducted). */
export function shiftMinutes(shift: Pick<Shift, 'start' | 'end' | 'breakMinutes'>): number {
  return effectiveMinutes(shift);
}

/** The same wall-clock times on another day (a shift ending after midnight still does). */
export function moveToDate(
  shift: Pick<Shift, 'start' | 'end'>,
  date: string,
): { start: string; end: string } {
  const fromDate = shiftDate(shift);
  const endDate = civilDate(shift.end, TZ);
  const start = zonedInstant(date, clock(shift.start), TZ);
  const end = zonedInstant(addDays(date, daysBetween(fromDate, endDate)), clock(shift.end), TZ);
  return { start: toZonedIso(start), end: toZonedIso(end) };
}

/** Start and end instants of "HH:MM" times on a day, the end on the next day when `endsNextDay`. */
export function instantsOf(
  date: string,
  start: string,
  end: string,
  endsNextDay: boolean,
): { start: string; end: string } {
  // The end is on the next day only when asked ("se termine le lendemain"): an end before the
  // start is otherwise a typing mistake, refused on the field, never silently an overnight shift.
  const from = zonedInstant(date, start, TZ);
  const to = zonedInstant(endsNextDay ? addDays(date, 1) : date, end, TZ);
  return { start: toZonedIso(from), end: toZonedIso(to) };
}

/** Whether a shift ends on a later day than it starts (an overnight shift). */
export function endsNextDay(shift: Pick<Shift, 'start' | 'end'>): boolean {
  return civilDate(shift.end, TZ) > civilDate(shift.start, TZ);
}

/** The seven civil days of a week, Monday first. */
export function weekDays(week: string): string[] {
  return parseIsoWeek(week, TZ).days;
}

/** "Semaine 49" number of "2026-W49". */
export function weekNumber(week: string): number {
  return Number(week.slice(6));
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: each is built once,
// when first needed.
const DATE_FORMATS = {
  shortMonth: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  weekdayShort: { weekday: 'short', timeZone: 'UTC' },
  longDay: { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(kind: keyof typeof DATE_FORMATS, lang: 'fr' | 'en'): Intl.DateTimeFormat {
  const key = `${kind}|${lang}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', DATE_FORMATS[kind]);
    dateFormats.set(key, format);
  }
  return format;
}

function utc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "30 nov. – 6 déc. 2026". */
export function weekRangeLabel(week: string, lang: 'fr' | 'en' = 'fr'): string {
  const days = weekDays(week);
  const fmt = dateFormat('shortMonth', lang);
  return `${fmt.format(utc(days[0]))} – ${fmt.format(utc(days[6]))} ${days[6].slice(0, 4)}`;
}

/** "lun. 30/11". */
export function dayHeader(date: string, lang: 'fr' | 'en' = 'fr'): string {
  const weekday = dateFormat('weekdayShort', lang).format(utc(date));
  return `${weekday} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** "mardi 1er décembre". */
export function longDay(date: string, lang: 'fr' | 'en' = 'fr'): string {
  const parts = dateFormat('longDay', lang).formatToParts(utc(date));
  return parts
    .map((part) =>
      lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value,
    )
    .join('');
}

/** "31 h 30", "−3 h 30", "+2 h" (never decimals). */
export function duration(minutes: number, signed = false): string {
  const text = formatDuration(Math.abs(minutes)).replace(/ /g, '\u00a0');
  if (!signed || minutes === 0) return text;
  return `${minutes < 0 ? '−' : '+'}${text}`;
}

// ---------- rows and counters ----------

const FRENCH_ORDER = new Intl.Collator('fr');

function byName(a: RotaPerson, b: RotaPerson): number {
  return (
    FRENCH_ORDER.compare(a.lastName, b.lastName) || FRENCH_ORDER.compare(a.firstName, b.firstName)
  );
}

/** À pourvoir first, then the site's team by name, then people lent by other sites. */
export function personRows(people: readonly RotaPerson[], siteId: string): GridRow[] {
  const row = (person: RotaPerson, kind: 'team' | 'guest'): GridRow => ({
    key: person.id,
    kind,
    personId: person.id,
    locationId: null,
    name: `${person.firstName} ${person.lastName}`,
  });
  const team = people.filter((person) => person.homeSiteId === siteId).sort(byName);
  const guests = people.filter((person) => person.homeSiteId !== siteId).sort(byName);
  return [
    { key: 'open', kind: 'open', personId: null, locationId: null, name: '' },
    ...team.map((person) => row(person, 'team')),
    ...guests.map((person) => row(person, 'guest')),
  ];
}

/**
 * Builds, while the week is still on its way, what drawing it first needs from the browser's
 * locale data (the French collation, the day and month names, the Paris offsets): each costs a
 * few milliseconds the first time only, which would otherwise lengthen the task that draws the
 * grid.
 */
export function warmUpFormats(lang: 'fr' | 'en'): void {
  FRENCH_ORDER.compare('Élodie', 'Eric');
  for (const kind of Object.keys(DATE_FORMATS) as (keyof typeof DATE_FORMATS)[]) {
    dateFormat(kind, lang).format(utc('2026-01-05'));
  }
  const now = Date.now();
  shiftMinutes({ start: toZonedIso(now), end: toZonedIso(now + 3_600_000), breakMinutes: 0 });
}

/** One row per location of the site, the site itself first. */
export function locationRows(locations: readonly Location[]): GridRow[] {
  const order = ['site', 'satellite', 'partner_permanence', 'outreach', 'workshop'];
  return [...locations]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.code.localeCompare(b.code))
    .map((location) => ({
      key: location.id,
      kind: 'location',
      personId: null,
      locationId: location.id,
      name: location.name,
    }));
}

/** Minutes owed on a week: a fifth of the weekly hours per working day, less holidays and absences. */
export function targetMinutes(person: RotaPerson, days: string[], holidays: string[]): number {
  let total = 0;
  for (const date of days) {
    if (isoWeekday(date) > 5 || holidays.includes(date)) continue;
    const contract = person.contracts.find(
      (candidate) => candidate.start <= date && (candidate.end === null || candidate.end >= date),
    );
    if (!contract) continue;
    const share = (contract.weeklyHours * 60) / 5;
    const dayStart = startOfCivilDay(date, TZ);
    const dayEnd = startOfCivilDay(addDays(date, 1), TZ);
    const absent = person.absences.reduce((sum, absence) => {
      const from = Math.max(dayStart, absenceBound(absence.start, false));
      const to = Math.min(dayEnd, absenceBound(absence.end, true));
      return sum + Math.max(0, to - from) / MINUTE_MS;
    }, 0);
    total += absent >= (dayEnd - dayStart) / MINUTE_MS ? 0 : Math.max(0, share - absent);
  }
  return Math.round(total);
}

/** Absences come as instants or as civil dates (whole days, end included). */
function absenceBound(value: string, isEnd: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return startOfCivilDay(isEnd ? addDays(value, 1) : value, TZ);
  }
  return toEpochMs(value);
}

/** Whether a person is absent for the whole of a day (the cell is greyed, not a drop target). */
export function absenceOn(person: RotaPerson, date: string): RotaPerson['absences'][number] | null {
  const dayStart = startOfCivilDay(date, TZ);
  const dayEnd = startOfCivilDay(addDays(date, 1), TZ);
  return (
    person.absences.find(
      (absence) =>
        absenceBound(absence.start, false) < dayEnd && absenceBound(absence.end, true) > dayStart,
    ) ?? null
  );
}

export function hourCounter(
  planned: number,
  person: RotaPerson,
  target: number,
  complementaryHoursRatio = 0.1,
): HourCounter {
  const weekly = person.contract?.weeklyHours ?? 0;
  const ceiling =
    weekly > 0 && weekly < 35 ? Math.round(target * (1 + complementaryHoursRatio)) : null;
  const delta = planned - target;
  const state: HourCounter['state'] =
    target === 0 && planned === 0 ? 'none' : delta < 0 ? 'under' : delta > 0 ? 'over' : 'on';
  const bands = person.contract ? weeklyPremiums(person.contract.weeklyHours, planned) : null;
  return { planned, target, ceiling, delta, state, bands };
}

/**
 * The week's hours beyond the contract by pay band, in a few words: « dont 2 h 30
 * complémentaires à +10 % », « dont 8 h supplémentaires à +25 %, 1 h à +50 % »; empty without any.
 */
export function premiumWords(
  bands: HourBands | null,
  t: (key: string, params: Record<string, unknown>) => string,
): string {
  if (!bands) return '';
  const isComplementary = bands.complementary10 + bands.complementary25 > 0;
  const kind = isComplementary ? 'complementary' : 'overtime';
  const steps: [number, number][] = isComplementary
    ? [
        [bands.complementary10, 10],
        [bands.complementary25, 25],
      ]
    : [
        [bands.overtime25, 25],
        [bands.overtime50, 50],
      ];
  const parts: string[] = [];
  for (const [minutes, rate] of steps) {
    if (minutes <= 0) continue;
    // French counts under two hours in the singular (« 1 h 30 supplémentaire »).
    const key =
      parts.length > 0
        ? 'rota.premiums.beyond'
        : `rota.premiums.${kind}${minutes >= 120 ? 'Many' : 'One'}`;
    parts.push(t(key, { duration: duration(minutes), rate }));
  }
  return parts.length === 0 ? '' : t('rota.premiums.of', { parts: parts.join(', ') });
}

// ---------- violations ----------

export interface ViolationView extends Violation {
  key: string;
  label: string;
  legalRef?: string;
}

export function violationKey(violation: Violation): string {
  return [violation.rule, violation.personId ?? '', [...violation.shiftIds].sort().join(',')].join(
    '|',
  );
}

export function describeViolation(violation: Violation): ViolationView {
  const entry = isRuleCode(violation.rule) ? RULE_CATALOGUE[violation.rule] : null;
  const legalRef =
    violation.legalRef ?? (entry && 'legalRef' in entry ? entry.legalRef : undefined);
  return {
    ...violation,
    key: violationKey(violation),
    label: entry?.label ?? violation.rule,
    legalRef,
  };
}

/** Worst severity of a list, or null. */
export function worstSeverity(violations: readonly Violation[]): Severity | null {
  for (const severity of ['block', 'warn', 'info'] as const) {
    if (violations.some((violation) => violation.severity === severity)) return severity;
  }
  return null;
}

/**
 * What changed between two checks, in words for the live region:
 * "Nouveau : 1 bloquant (repos quotidien de 11 h). Résolu : 1."
 */
export function violationDelta(
  before: readonly Violation[],
  after: readonly Violation[],
): { added: ViolationView[]; resolved: number } {
  const beforeKeys = new Set(before.map(violationKey));
  const afterKeys = new Set(after.map(violationKey));
  return {
    added: after
      .filter((violation) => !beforeKeys.has(violationKey(violation)))
      .map(describeViolation),
    resolved: [...beforeKeys].filter((key) => !afterKeys.has(key)).length,
  };
}

export const SEVERITY_WORDS: Record<Severity, [string, string]> = {
  block: ['bloquant', 'bloquants'],
  warn: ['à justifier', 'à justifier'],
  info: ['info', 'infos'],
};

export function deltaSentence(delta: { added: ViolationView[]; resolved: number }): string {
  const parts: string[] = [];
  if (delta.added.length > 0) {
    const bySeverity = (['block', 'warn', 'info'] as const)
      .map((severity) => {
        const items = delta.added.filter((violation) => violation.severity === severity);
        if (items.length === 0) return null;
        const labels = [...new Set(items.map((item) => item.label.toLowerCase()))].join(', ');
        const word = SEVERITY_WORDS[severity][items.length > 1 ? 1 : 0];
        return `${items.length} ${word} (${labels})`;
      })
      .filter((part) => part !== null);
    parts.push(`Nouveau\u00a0: ${bySeverity.join(', ')}.`);
  }
  if (delta.resolved > 0) parts.push(`Résolu\u00a0: ${delta.resolved}.`);
  return parts.join(' ');
}

// ---------- coverage ----------

export interface CoverageView extends CoverageCell {
  /** "FS 2/2", "SST 0/1", "1/2". */
  text: string;
  state: 'ok' | 'warn' | 'block';
}

const SKILL_SHORT: Record<string, string> = {
  france_services_initial: 'FS',
  sst: 'SST',
  aidants_connect: 'AC',
};

export function coverageView(
  cell: CoverageCell,
  requiredSkill: string | null,
  isBlocking: boolean,
): CoverageView {
  const prefix = requiredSkill ? `${SKILL_SHORT[requiredSkill] ?? requiredSkill} ` : '';
  const count = requiredSkill ? cell.qualified : cell.assigned;
  return {
    ...cell,
    text: `${prefix}${count}/${cell.required}`,
    state: cell.status === 'under' ? (isBlocking ? 'block' : 'warn') : 'ok',
  };
}

// ---------- sites ----------

/**
 * Names a picker can tell apart: the words every site's name starts with are dropped but the last
 * of them ("PIMMS Médiation Paris Sud" and "… Paris Sud Est" read "Paris Sud", "Paris Sud Est").
 */
export function distinctSiteLabels(
  sites: readonly { id: string; name: string }[],
): { id: string; label: string; name: string }[] {
  const words = sites.map((site) => site.name.split(/\s+/).filter(Boolean));
  let common = 0;
  if (sites.length > 1) {
    const shortest = Math.min(...words.map((list) => list.length));
    while (common < shortest && words.every((list) => list[common] === words[0][common])) common++;
  }
  // One word of context stays, two when a name is nothing but the common words.
  const drop = Math.max(0, Math.min(common, Math.min(...words.map((l) => l.length)) - 1) - 1);
  return sites.map((site, i) => ({
    id: site.id,
    name: site.name,
    label: drop > 0 ? words[i].slice(drop).join(' ') : site.name,
  }));
}

// ---------- drop preview ----------

/** What a drop would do: fine, to be justified at publication, or blocked, with the rules' names. */
export interface DropVerdict {
  state: 'ok' | 'warn' | 'block';
  /** The short names of the rules that decide it ("Repos 11 h"); empty when fine. */
  rules: string;
}

/** The verdict of the problems a drop would add: the worst decides. */
export function dropVerdictOf(added: readonly Violation[]): DropVerdict {
  const severity = worstSeverity(added);
  if (severity !== 'block' && severity !== 'warn') return { state: 'ok', rules: '' };
  const names = added.filter((v) => v.severity === severity).map((v) => ruleShortLabel(v.rule));
  return { state: severity, rules: [...new Set(names)].join(', ') };
}
