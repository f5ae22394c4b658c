import type { RosterProblem } from '../model';

/** Raw content of a Curtois & Qu benchmark file, kept close to the text format. */
export interface CurtoisInstance {
  readonly horizon: number;
  readonly shifts: readonly {
    readonly id: string;
    readonly minutes: number;
    readonly cannotFollow: readonly string[];
  }[];
  readonly staff: readonly {
    readonly id: string;
    readonly maxShifts: Readonly<Record<string, number>>;
    readonly maxTotalMinutes: number;
    readonly minTotalMinutes: number;
    readonly maxConsecutiveShifts: number;
    readonly minConsecutiveShifts: number;
    readonly minConsecutiveDaysOff: number;
    readonly maxWeekends: number;
  }[];
  readonly daysOff: readonly { readonly employee: string; readonly days: readonly number[] }[];
  readonly onRequests: readonly CurtoisRequest[];
  readonly offRequests: readonly CurtoisRequest[];
  readonly cover: readonly {
    readonly day: number;
    readonly shift: string;
    readonly requirement: number;
    readonly weightUnder: number;
    readonly weightOver: number;
  }[];
}

export interface CurtoisRequest {
  readonly employee: string;
  readonly day: number;
  readonly shift: string;
  readonly weight: number;
}

function int(text: string | undefined, where: string): number {
  const value = Number((text ?? '').trim());
  if (text === undefined || text.trim() === '' || !Number.isInteger(value)) {
    throw new Error(`Expected an integer in ${where}, got "${text ?? ''}"`);
  }
  return value;
}

function field(fields: readonly string[], i: number): string {
  return (fields[i] ?? '').trim();
}

export function parseCurtois(text: string): CurtoisInstance {
  const sections = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^SECTION_[A-Z_]+$/.test(line)) {
      current = [];
      sections.set(line, current);
      continue;
    }
    if (current === undefined) throw new Error(`Data before any section: "${line}"`);
    current.push(line.split(','));
  }
  const section = (name: string): string[][] => sections.get(name) ?? [];

  const horizonLine = section('SECTION_HORIZON')[0];
  if (horizonLine === undefined) throw new Error('Missing SECTION_HORIZON');
  const horizon = int(horizonLine[0], 'SECTION_HORIZON');

  const shifts = section('SECTION_SHIFTS').map((f) => ({
    id: field(f, 0),
    minutes: int(f[1], 'SECTION_SHIFTS'),
    cannotFollow: field(f, 2)
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  }));

  const staff = section('SECTION_STAFF').map((f) => {
    const maxShifts: Record<string, number> = {};
    for (const part of field(f, 1).split('|')) {
      if (part.trim() === '') continue;
      const [id, max] = part.split('=');
      maxShifts[(id ?? '').trim()] = int(max, 'MaxShifts');
    }
    return {
      id: field(f, 0),
      maxShifts,
      maxTotalMinutes: int(f[2], 'MaxTotalMinutes'),
      minTotalMinutes: int(f[3], 'MinTotalMinutes'),
      maxConsecutiveShifts: int(f[4], 'MaxConsecutiveShifts'),
      minConsecutiveShifts: int(f[5], 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: int(f[6], 'MinConsecutiveDaysOff'),
      maxWeekends: int(f[7], 'MaxWeekends'),
    };
  });

  const daysOff = section('SECTION_DAYS_OFF').map((f) => ({
    employee: field(f, 0),
    days: f
      .slice(1)
      .filter((d) => d.trim() !== '')
      .map((d) => int(d, 'SECTION_DAYS_OFF')),
  }));

  const request = (f: string[]): CurtoisRequest => ({
    employee: field(f, 0),
    day: int(f[1], 'request day'),
    shift: field(f, 2),
    weight: int(f[3], 'request weight'),
  });

  const cover = section('SECTION_COVER').map((f) => ({
    day: int(f[0], 'SECTION_COVER'),
    shift: field(f, 1),
    requirement: int(f[2], 'SECTION_COVER'),
    weightUnder: int(f[3], 'SECTION_COVER'),
    weightOver: int(f[4], 'SECTION_COVER'),
  }));

  return {
    horizon,
    shifts,
    staff,
    daysOff,
    onRequests: section('SECTION_SHIFT_ON_REQUESTS').map(request),
    offRequests: section('SECTION_SHIFT_OFF_REQUESTS').map(request),
    cover,
  };
}

/** Maps a benchmark instance onto the general model (Saturday/Sunday weekends, exempt edges). */
export function curtoisToProblem(instance: CurtoisInstance): RosterProblem {
  const daysOff = new Map<string, number[]>();
  for (const entry of instance.daysOff) {
    daysOff.set(entry.employee, [...(daysOff.get(entry.employee) ?? []), ...entry.days]);
  }
  return {
    horizon: instance.horizon,
    shiftTypes: instance.shifts.map((s) => ({
      id: s.id,
      startMinute: 0,
      lengthMinutes: s.minutes,
    })),
    forbiddenSuccessions: instance.shifts.flatMap((s) =>
      s.cannotFollow.map((next) => ({ first: s.id, second: next })),
    ),
    employees: instance.staff.map((s) => ({
      id: s.id,
      maxShifts: s.maxShifts,
      minTotalMinutes: s.minTotalMinutes,
      maxTotalMinutes: s.maxTotalMinutes,
      maxConsecutiveShifts: s.maxConsecutiveShifts,
      minConsecutiveShifts: s.minConsecutiveShifts,
      minConsecutiveDaysOff: s.minConsecutiveDaysOff,
      maxWeekends: s.maxWeekends,
      daysOff: daysOff.get(s.id) ?? [],
    })),
    cover: instance.cover,
    shiftOnRequests: instance.onRequests,
    shiftOffRequests: instance.offRequests,
    edgeBlocks: 'exempt',
  };
}
