import {
  dynamicExitRate,
  mandatoryModules,
  milestoneDue,
  milestoneStatus,
  pathwayAlerts,
  pathwayProgress,
  planMilestones,
  reminderThreshold,
} from './pathway';

describe('pathway due rules (group F)', () => {
  it.each([
    ['P00: hire + 15 days', { anchor: 'hire', days: 15 }, '2026-03-02', '2027-03-01', '2026-03-17'],
    [
      'P07: hire + 12 months',
      { anchor: 'hire', months: 12, capToEnd: true },
      '2026-03-02',
      '2028-03-01',
      '2027-03-02',
    ],
    [
      'P07 on a 4-month contract: before its end',
      { anchor: 'hire', months: 12, capToEnd: true },
      '2026-03-02',
      '2026-07-03',
      '2026-07-03',
    ],
    ['P08: contract midpoint', { anchor: 'midpoint' }, '2026-01-01', '2026-12-31', '2026-07-02'],
    [
      'P11: end − 6 months',
      { anchor: 'end', months: -6 },
      '2025-10-01',
      '2026-09-30',
      '2026-03-30',
    ],
    ['P14: end + 6 months', { anchor: 'end', months: 6 }, '2025-10-01', '2026-09-30', '2027-03-30'],
    ['end-anchored on a CDI: none', { anchor: 'end' }, '2020-01-01', null, null],
  ] as const)('%s', (_, rule, hire, end, expected) => {
    expect(milestoneDue(rule, hire, end)).toBe(expected);
  });

  it('builds a PEC plan from the template, and a CDI plan without exit milestones', () => {
    const pec = planMilestones('PEC', '2025-10-01', '2026-09-30');
    expect(pec.map((m) => m.code)).toEqual([
      'P00',
      'P01',
      'P02',
      'P03',
      'P05',
      'P06',
      'P07',
      'P08',
      'P10',
      'P11',
      'P12',
      'P13',
      'P14',
    ]);
    expect(pec.find((m) => m.code === 'P12')?.due).toBe('2026-08-30');
    const cdi = planMilestones('CDI', '2022-03-01', null);
    expect(cdi.map((m) => m.code)).not.toContain('P13');
    expect(cdi.length).toBeGreaterThan(0);
    expect(cdi.every((m) => m.due !== null)).toBe(true);
  });

  it('gives each milestone its status', () => {
    expect(milestoneStatus({ due: '2026-03-10', doneOn: '2026-03-12' }, '2026-04-01')).toBe('fait');
    expect(milestoneStatus({ due: '2026-03-10', doneOn: null }, '2026-03-11')).toBe('en_retard');
    expect(milestoneStatus({ due: '2026-03-10', doneOn: null }, '2026-03-10')).toBe('a_venir');
  });

  it('counts progress in hours and modules over the required modules only', () => {
    const required = [
      { code: 'T01', hours: 14 },
      { code: 'T11', hours: 3.5 },
      { code: 'T02', hours: 24.5 },
    ];
    expect(pathwayProgress(required, new Set(['T01', 'T11', 'T13']))).toEqual({
      hoursDone: 17.5,
      hoursRequired: 42,
      modulesValidated: 2,
      modulesRequired: 3,
    });
  });

  it('counts the hours attended of a module still open, capped at its hours', () => {
    const required = [
      { code: 'T02', hours: 24.5 },
      { code: 'T16', hours: 150 },
    ];
    // One day of the 3.5-day France Services training; more than the module's hours never counts.
    const attended = new Map([
      ['T02', 7],
      ['T16', 160],
    ]);
    expect(pathwayProgress(required, new Set(), attended)).toEqual({
      hoursDone: 157,
      hoursRequired: 174.5,
      modulesValidated: 0,
      modulesRequired: 2,
    });
  });

  it.each([
    ['100 days left: none yet', '2026-01-01', '2026-04-11', null],
    ['exactly 90 days', '2026-01-01', '2026-04-01', 90],
    ['45 days left: 60', '2026-01-01', '2026-02-15', 60],
    ['7 days left', '2026-01-01', '2026-01-08', 7],
    ['expired: none', '2026-01-10', '2026-01-08', null],
  ])('reminder threshold: %s', (_, today, expiresOn, expected) => {
    expect(reminderThreshold(today, expiresOn)).toBe(expected);
  });

  it('computes the dynamic-exit rate without the neutralised exits', () => {
    expect(
      dynamicExitRate(['EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'AUTRE_SORTIE', 'NEUTRALISEE']),
    ).toEqual({ exits: 4, neutralised: 1, dynamic: 2, dynamicExitRate: 0.6667 });
    expect(dynamicExitRate(['NEUTRALISEE']).dynamicExitRate).toBeNull();
  });

  it('raises ONBOARDING_DUE and EXIT_INTERVIEW_DUE from the plan', () => {
    const alerts = pathwayAlerts(
      'PEC',
      [
        { code: 'P02', due: '2026-01-31', doneOn: null },
        { code: 'P12', due: '2026-08-30', doneOn: null },
      ],
      '2026-07-01',
    );
    expect(alerts.map((alert) => alert.rule)).toEqual(['ONBOARDING_DUE', 'EXIT_INTERVIEW_DUE']);
  });

  it.each([
    ['PEC', '2026-08-01', 'à remettre au plus tard le 30/08/2026'],
    ['PEC', '2026-09-10', 'en retard : à remettre au plus tard le 30/08/2026'],
    ['PEC', '2026-07-20', null],
    ['PEC', '2026-10-01', null],
    ['CDD', '2026-08-15', null],
    ['PEC already issued', '2026-08-15', null],
  ])('EXPERIENCE_ATTESTATION_DUE: a %s ending on 30/09/2026, on %s', (type, today, expected) => {
    const alert = pathwayAlerts(type.slice(0, 3), [], today, [], {
      lastContractEnd: '2026-09-30',
      contractEndingAlertDays: [],
      isExperienceAttestationIssued: type.endsWith('issued'),
    }).find((found) => found.rule === 'EXPERIENCE_ATTESTATION_DUE');
    if (expected === null) expect(alert).toBeUndefined();
    else expect(alert?.message).toContain(expected);
  });

  describe('mandatory modules', () => {
    const catalogue = [
      {
        code: 'T01',
        title: 'Intégration',
        mandatoryFor: { roles: [], contractTypes: [], franceServicesOnly: false, withinDays: 30 },
      },
      {
        code: 'T02',
        title: 'Formation initiale France Services',
        mandatoryFor: { roles: [], contractTypes: [], franceServicesOnly: true, withinDays: 90 },
      },
      {
        code: 'T16',
        title: 'Titre professionnel',
        mandatoryFor: {
          roles: [],
          contractTypes: ['PRO' as const],
          franceServicesOnly: false,
          withinDays: null,
        },
      },
      {
        code: 'T09',
        title: 'Management',
        mandatoryFor: {
          roles: ['manager' as const],
          contractTypes: [],
          franceServicesOnly: false,
          withinDays: 60,
        },
      },
      { code: 'T05', title: 'Optionnel', mandatoryFor: null },
    ];
    const mediator = {
      role: 'mediator' as const,
      contractType: 'PEC',
      isFranceServices: true,
      hireDate: '2026-03-02',
    };

    it('takes in a module by role, contract type and site kind, due so many days after hiring', () => {
      expect(mandatoryModules(catalogue, mediator, new Set(), '2026-03-10')).toEqual([
        { code: 'T01', title: 'Intégration', due: '2026-04-01', status: 'a_venir' },
        {
          code: 'T02',
          title: 'Formation initiale France Services',
          due: '2026-05-31',
          status: 'a_venir',
        },
      ]);
      const apprentice = { ...mediator, contractType: 'PRO', isFranceServices: false };
      expect(
        mandatoryModules(catalogue, apprentice, new Set(), '2026-03-10').map((m) => m.code),
      ).toEqual(['T01', 'T16']);
      const manager = { ...mediator, role: 'manager' as const };
      expect(
        mandatoryModules(catalogue, manager, new Set(), '2026-03-10').map((m) => m.code),
      ).toEqual(['T01', 'T02', 'T09']);
    });

    it('marks a validated module done and an overdue one late, and names it in ONBOARDING_DUE', () => {
      const states = mandatoryModules(catalogue, mediator, new Set(['T02']), '2026-04-02');
      expect(states.map((m) => [m.code, m.status])).toEqual([
        ['T01', 'en_retard'],
        ['T02', 'fait'],
      ]);
      const milestones = [{ code: 'P02', due: '2026-04-01', doneOn: null }];
      expect(pathwayAlerts('PEC', milestones, '2026-04-02', states)).toEqual([
        {
          rule: 'ONBOARDING_DUE',
          message: 'Formation obligatoire en retard : T01 Intégration (due le 01/04/2026).',
        },
      ]);
      // On the day itself it is not late yet.
      expect(
        mandatoryModules(catalogue, mediator, new Set(), '2026-04-01').find((m) => m.code === 'T01')
          ?.status,
      ).toBe('a_venir');
    });
  });
});

describe('pathwayAlerts from the person’s facts', () => {
  const today = '2026-06-01';
  const rules = (facts: Parameters<typeof pathwayAlerts>[4]) =>
    pathwayAlerts('CDD', [], today, [], facts).map((alert) => [alert.rule, alert.message]);

  it.each<[string, string | null, [string, string][]]>([
    ['91 days ahead', '2026-08-31', []],
    [
      '90 days ahead',
      '2026-08-30',
      [['CERTIFICATE_EXPIRING', 'Certificat SST : expire le 30/08/2026 (dans 90 j).']],
    ],
    [
      'on its last day',
      today,
      [['CERTIFICATE_EXPIRING', 'Certificat SST : expire le 01/06/2026 (dans 0 j).']],
    ],
    [
      'the day after',
      '2026-05-31',
      [
        [
          'CERTIFICATE_EXPIRED',
          'Certificat SST : a expiré le 31/05/2026 ; ne compte plus pour la couverture ni pour les activités qui l’exigent.',
        ],
      ],
    ],
    ['never', null, []],
  ])('a certificate expiring %s', (_, expiresOn, expected) => {
    expect(rules({ certificates: [{ skill: 'sst', expiresOn }] })).toEqual(expected);
  });

  it('reads the latest certificate of each kind: a renewal silences the old one', () => {
    expect(
      rules({
        certificates: [
          { skill: 'sst', expiresOn: '2026-05-01' },
          { skill: 'sst', expiresOn: '2028-05-01' },
          { skill: 'aidants_connect', expiresOn: '2026-05-01' },
          { skill: 'aidants_connect', expiresOn: null },
        ],
      }),
    ).toEqual([]);
  });

  it.each<[string, string, [string, string][]]>([
    ['91 days ahead', '2026-08-31', []],
    [
      '90 days ahead',
      '2026-08-30',
      [
        [
          'CONTRACT_ENDING',
          'Le contrat se termine le 30/08/2026, dans 90 jours (alerte à 90 jours).',
        ],
      ],
    ],
    [
      'on its last day',
      today,
      [
        [
          'CONTRACT_ENDING',
          'Le contrat se termine le 01/06/2026, dans 0 jours (alerte à 30 jours).',
        ],
      ],
    ],
    ['ended', '2026-05-31', []],
  ])('a contract ending %s', (_, end, expected) => {
    expect(rules({ lastContractEnd: end })).toEqual(expected);
  });

  it('asks for the exit record once the contract is over, not on its last day', () => {
    expect(rules({ lastContractEnd: today, exitToRecordEnd: today }).map(([rule]) => rule)).toEqual(
      ['CONTRACT_ENDING'],
    );
    expect(rules({ lastContractEnd: '2026-05-31', exitToRecordEnd: '2026-05-31' })).toEqual([
      [
        'EXIT_RECORD_INCOMPLETE',
        'Contrat terminé le 31/05/2026 : la sortie est à enregistrer (catégorie, date et, pour une sortie dynamique, le contrat obtenu et sa durée).',
      ],
    ]);
    expect(rules({ lastContractEnd: '2026-05-31', exitToRecordEnd: null })).toEqual([]);
  });
});
