import type { OrganisationSettings } from '@relais/api-types';
import {
  DEFAULT_ORGANISATION_SETTINGS,
  validateOrganisationSettings,
} from './organisation-settings';
import { DEFAULT_RULE_SETTINGS } from './rule-settings';

describe('organisation settings', () => {
  it('defaults to the law, as the engine does', () => {
    // The minimum stay before a leaver counts is the exit report's, not the rota engine's.
    const { exitMinimumStayDays, ...engine } = DEFAULT_ORGANISATION_SETTINGS;
    for (const [field, value] of Object.entries(engine)) {
      expect([field, value]).toEqual([field, DEFAULT_RULE_SETTINGS[field as keyof typeof engine]]);
    }
    expect(exitMinimumStayDays).toBe(90);
    expect(validateOrganisationSettings(DEFAULT_ORGANISATION_SETTINGS)).toEqual([]);
  });

  it.each<[string, Partial<OrganisationSettings>, string[]]>([
    ['12 h a day by agreement', { dailyMaxMinutes: 720 }, []],
    ['every leaver counted (no minimum stay)', { exitMinimumStayDays: 0 }, []],
    ['a minimum stay over a year', { exitMinimumStayDays: 366 }, ['exitMinimumStayDays']],
    ['a minimum stay in half days', { exitMinimumStayDays: 30.5 }, ['exitMinimumStayDays']],
    ['a half-day of 1 h at least', { partTimeGroupingMinBlockMinutes: 60 }, []],
    ['a half-day of 6 h at most', { partTimeGroupingMinBlockMinutes: 360 }, []],
    [
      'a half-day of 59 min',
      { partTimeGroupingMinBlockMinutes: 59 },
      ['partTimeGroupingMinBlockMinutes'],
    ],
    [
      'a half-day of 6 h 01',
      { partTimeGroupingMinBlockMinutes: 361 },
      ['partTimeGroupingMinBlockMinutes'],
    ],
    ['12 h 01 a day', { dailyMaxMinutes: 721 }, ['dailyMaxMinutes']],
    [
      '9 h a day (below the law the setting starts from)',
      { dailyMaxMinutes: 540 },
      ['dailyMaxMinutes'],
    ],
    ['46 h on average', { weeklyAverageMaxMinutes: 2760 }, []],
    ['47 h on average', { weeklyAverageMaxMinutes: 2820 }, ['weeklyAverageMaxMinutes']],
    ['1/3 complementary hours', { complementaryHoursRatio: 1 / 3 }, []],
    ['1/3 rounded by a form', { complementaryHoursRatio: 0.333333 }, []],
    ['40 % complementary hours', { complementaryHoursRatio: 0.4 }, ['complementaryHoursRatio']],
    ['5 % complementary hours', { complementaryHoursRatio: 0.05 }, ['complementaryHoursRatio']],
    ['3 working days of notice', { partTimeNoticeWorkingDays: 3 }, []],
    ['2 working days of notice', { partTimeNoticeWorkingDays: 2 }, ['partTimeNoticeWorkingDays']],
    [
      '4.5 working days of notice',
      { partTimeNoticeWorkingDays: 4.5 },
      ['partTimeNoticeWorkingDays'],
    ],
    ['Réunion time', { timeZone: 'Indian/Reunion' }, []],
    ['New York time', { timeZone: 'America/New_York' }, ['timeZone']],
    [
      'split days allowed by an agreement with counterparts',
      {
        splitDayAgreement: {
          reference: 'Accord de branche ALISFA, art. 4.2',
          counterparts: 'Prime de coupure de 5 €',
        },
      },
      [],
    ],
    [
      'a split-day agreement without counterparts',
      { splitDayAgreement: { reference: 'Accord de branche ALISFA', counterparts: ' ' } },
      ['splitDayAgreement'],
    ],
    [
      'a split-day agreement without reference',
      { splitDayAgreement: { reference: '', counterparts: 'Prime de coupure' } },
      ['splitDayAgreement'],
    ],
    ['a Sunday derogation', { sundayDerogation: 'Arrêté préfectoral du 2 mars 2026' }, []],
    ['a blank Sunday derogation', { sundayDerogation: '  ' }, ['sundayDerogation']],
    ['a 201-character derogation', { sundayDerogation: 'x'.repeat(201) }, ['sundayDerogation']],
    [
      'Aidants Connect required for digital help',
      { requiredSkillByActivity: { digital_help: 'aidants_connect' } },
      [],
    ],
    [
      'a habilitation for an unknown activity',
      {
        requiredSkillByActivity: {
          guichet: 'sst',
        } as OrganisationSettings['requiredSkillByActivity'],
      },
      ['requiredSkillByActivity'],
    ],
    [
      'an unknown habilitation',
      {
        requiredSkillByActivity: {
          outreach: 'permis',
        } as unknown as OrganisationSettings['requiredSkillByActivity'],
      },
      ['requiredSkillByActivity'],
    ],
  ])('%s', (_, change, fields) => {
    const issues = validateOrganisationSettings({ ...DEFAULT_ORGANISATION_SETTINGS, ...change });
    expect(issues.map((issue) => issue.field)).toEqual(fields);
  });

  it('names the legal bound in French', () => {
    const [issue] = validateOrganisationSettings({
      ...DEFAULT_ORGANISATION_SETTINGS,
      complementaryHoursRatio: 0.5,
    });
    expect(issue.message).toBe(
      'hors des bornes légales — heures complémentaires : 1/10 des heures du contrat par la loi, jusqu’à 1/3 par accord (C. trav., art. L3123-20)',
    );
  });
});
