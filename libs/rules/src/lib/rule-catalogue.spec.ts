import {
  PERSON_WIDE_RULES,
  RULE_CATALOGUE,
  RULE_CODES,
  RULES_WAIVED_FOR_SWAPS,
  ruleShortLabel,
  SERVER_ONLY_RULES,
} from './rule-catalogue';
import { validateRuleSettings } from './rule-settings';
import { makeViolation, mergeViolations } from './violation-builder';

describe('rule catalogue', () => {
  it.each<[string, string[]]>([
    [
      'A',
      [
        'OVERLAP',
        'DAILY_MAX',
        'WEEKLY_MAX',
        'WEEKLY_AVG_12W',
        'DAILY_REST',
        'AMPLITUDE',
        'BREAK_6H',
        'WORKDAYS_PER_WEEK',
        'WEEKLY_REST',
        'SUNDAY',
        'MAY_FIRST',
        'PUBLIC_HOLIDAY',
        'NIGHT_WORK',
        'TRAVEL_TIME',
      ],
    ],
    [
      'B',
      [
        'OUTSIDE_CONTRACT',
        'DURING_ABSENCE',
        'CONTRACT_HOURS_UNDER',
        'COMPLEMENTARY_HOURS',
        'PART_TIME_REACHES_FULL_TIME',
        'PART_TIME_NOTICE',
        'SHORT_NOTICE_EXTRA',
        'PART_TIME_SPLIT_DAY',
        'PART_TIME_FLOOR',
        'PART_TIME_HOURS_REVIEW',
        'PART_TIME_GROUPING',
        'CYCLE_NOTICE',
      ],
    ],
    ['C', ['UNDER_COVERAGE', 'OPEN_SHIFT']],
    [
      'D',
      [
        'CDD_MAX_DURATION',
        'CDD_MAX_RENEWALS',
        'CDD_WAITING_PERIOD',
        'PEC_DURATION',
        'PEC_HOURS',
        'TUTOR_REQUIRED',
        'ADULTE_RELAIS',
        'PRO_CONTRACT',
        'CDDI',
        'CONTRACT_ENDING',
      ],
    ],
    [
      'E',
      [
        'FS_OPENING_HOURS',
        'FS_TRAINED_COVERAGE',
        'SST_COVERAGE',
        'SKILL_REQUIRED',
        'OUTREACH_PAIR',
      ],
    ],
  ])('group %s holds the codes of domain/rules.md', (group, codes) => {
    expect(RULE_CODES.filter((c) => RULE_CATALOGUE[c].group === group)).toEqual(codes);
  });

  it.each<[string, ReadonlySet<string>, string[]]>([
    // Notice rules count from a publication the browser does not know of.
    [
      'judged on the server only',
      SERVER_ONLY_RULES,
      ['PART_TIME_NOTICE', 'SHORT_NOTICE_EXTRA', 'CYCLE_NOTICE'],
    ],
    // A swap is asked for and accepted by the two people, not imposed on them.
    ['waived for swaps', RULES_WAIVED_FOR_SWAPS, ['PART_TIME_NOTICE']],
  ])('rules %s', (_, flagged, codes) => {
    expect([...flagged]).toEqual(codes);
  });

  it('shows a weekly total or a contract term on the row, a shift-level problem on the shift', () => {
    expect(PERSON_WIDE_RULES.has('CONTRACT_HOURS_UNDER')).toBe(true);
    expect(PERSON_WIDE_RULES.has('WEEKLY_MAX')).toBe(true);
    expect(PERSON_WIDE_RULES.has('DAILY_REST')).toBe(false);
    expect(PERSON_WIDE_RULES.has('OUTSIDE_CONTRACT')).toBe(false);
  });

  it('names a rule in a few words for a chip, its label otherwise', () => {
    expect(ruleShortLabel('DAILY_REST')).toBe('Repos 11 h');
    expect(ruleShortLabel('CDD_MAX_DURATION')).toBe('Durée maximale du CDD');
    expect(ruleShortLabel('NOT_A_RULE')).toBe('NOT_A_RULE');
  });

  it('fills severity and legal reference from the catalogue', () => {
    expect(makeViolation('DAILY_REST', 'm', { personId: 'p', shiftIds: ['b', 'a', 'a'] })).toEqual({
      rule: 'DAILY_REST',
      severity: 'block',
      personId: 'p',
      shiftIds: ['a', 'b'],
      message: 'm',
      legalRef: 'C. trav., art. L3131-1',
    });
  });

  it('merges lists without duplicates, most serious first', () => {
    const info = makeViolation('PUBLIC_HOLIDAY', 'férié', { shiftIds: ['x'] });
    const block = makeViolation('SKILL_REQUIRED', 'AC', { personId: 'p', shiftIds: ['x'] });
    expect(mergeViolations([info, block], [block])).toEqual([block, info]);
  });
});

describe('validateRuleSettings', () => {
  it.each<[string, Parameters<typeof validateRuleSettings>[0], string[]]>([
    ['legal defaults', {}, []],
    [
      '12 h a day and 46 h on average by agreement',
      { dailyMaxMinutes: 720, weeklyAverageMaxMinutes: 2760 },
      [],
    ],
    ['13 h a day', { dailyMaxMinutes: 780 }, ['dailyMaxMinutes']],
    ['2 working days of notice', { partTimeNoticeWorkingDays: 2 }, ['partTimeNoticeWorkingDays']],
    ['complementary hours at 1/2', { complementaryHoursRatio: 0.5 }, ['complementaryHoursRatio']],
  ])('%s', (_, settings, fields) => {
    expect(validateRuleSettings(settings).map((i) => i.field)).toEqual(fields);
  });
});
