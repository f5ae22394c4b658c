import type { ObligationCode, ObligationRecord } from '@relais/api-types';
import { contractObligations, type ObligationContract, type ObligationInput } from './obligations';

const contract = (overrides: Partial<ObligationContract> = {}): ObligationContract => ({
  type: 'PEC',
  start: '2026-01-05',
  end: '2026-12-31',
  conventionNumber: null,
  conventionStart: null,
  conventionEnd: null,
  tutorId: 'tutor',
  trainingHours: null,
  renewedOn: null,
  ...overrides,
});

const record = (doneOn: string, extra: Partial<ObligationRecord> = {}): ObligationRecord => ({
  id: 'record',
  doneOn,
  outcome: null,
  reference: null,
  moduleCodes: [],
  evidence: null,
  recordedBy: 'RH',
  recordedAt: `${doneOn}T10:00:00.000Z`,
  ...extra,
});

function obligations(
  overrides: Partial<ObligationInput> & { contract?: ObligationContract } = {},
  records: [ObligationCode, ObligationRecord][] = [],
) {
  const items = contractObligations({
    today: '2026-06-01',
    contract: contract(),
    records: new Map(records),
    modulesDone: new Map(),
    trainingHoursAttended: 0,
    tutorProTutees: 1,
    franceServices: false,
    aidantsConnectSince: null,
    ...overrides,
  });
  return new Map(items.map((item) => [item.code, item]));
}

describe('contract obligations (group F)', () => {
  it('lists a PEC’s five obligations with their due dates; the tripartite interview is late once the contract has started', () => {
    const items = obligations();
    expect([...items.keys()]).toEqual([
      'PEC_PRESCRIBER',
      'PEC_TRIPARTITE',
      'PEC_ACTIONS',
      'PEC_RENEWAL_REQUEST',
      'PEC_EXIT_INTERVIEW',
    ]);
    expect(items.get('PEC_TRIPARTITE')).toMatchObject({ due: '2026-01-05', status: 'en_retard' });
    expect(items.get('PEC_RENEWAL_REQUEST')).toMatchObject({
      due: '2026-10-31',
      status: 'a_venir',
    });
    expect(items.get('PEC_EXIT_INTERVIEW')).toMatchObject({
      due: '2026-11-30',
      window: { from: '2026-09-30', to: '2026-11-30' },
      status: 'a_venir',
    });
  });

  it('closes the exit interview once held, and says when it was held outside its window', () => {
    const inside = obligations({}, [['PEC_EXIT_INTERVIEW', record('2026-10-15')]]);
    expect(inside.get('PEC_EXIT_INTERVIEW')).toMatchObject({ status: 'fait', remark: null });
    const early = obligations({}, [['PEC_EXIT_INTERVIEW', record('2026-05-20')]]);
    expect(early.get('PEC_EXIT_INTERVIEW')?.remark).toBe(
      'Tenu le 20/05/2026, hors de la fenêtre du 30/09/2026 au 30/11/2026.',
    );
  });

  it('follows the declared actions against the modules validated since', () => {
    const declared: [ObligationCode, ObligationRecord][] = [
      ['PEC_ACTIONS', record('2026-01-05', { moduleCodes: ['T01', 'T02', 'T09'] })],
    ];
    const partly = obligations({ modulesDone: new Map([['T01', '2026-02-01']]) }, declared);
    expect(partly.get('PEC_ACTIONS')).toMatchObject({
      status: 'a_venir',
      due: '2026-12-31',
      progress: '1 formation sur 3 suivie',
      remark: 'Reste à suivre : T02, T09.',
    });
    const all = obligations(
      {
        modulesDone: new Map([
          ['T01', '2026-02-01'],
          ['T02', '2026-03-01'],
          ['T09', '2026-04-01'],
        ]),
      },
      declared,
    );
    expect(all.get('PEC_ACTIONS')).toMatchObject({ status: 'fait', remark: null });
  });

  it('a renewed PEC has its renewal request done by the fact and its exit interview on the renewal', () => {
    const items = obligations({ contract: contract({ renewedOn: '2027-01-01' }) });
    expect(items.get('PEC_RENEWAL_REQUEST')).toMatchObject({
      status: 'fait',
      remark: 'Renouvelé par le contrat du 01/01/2027.',
    });
    expect(items.has('PEC_EXIT_INTERVIEW')).toBe(false);
  });

  it('warns 6 months before an adulte-relais convention ends, and says once it was renewed it cannot be again', () => {
    const first = contract({
      type: 'ADULTE_RELAIS',
      conventionNumber: 'AR-75-2024-012',
      conventionStart: '2024-01-01',
      conventionEnd: '2026-12-31',
    });
    const items = obligations({ contract: first }, [
      ['AR_POST', record('2024-01-01', { reference: '75-0412' })],
    ]);
    expect(items.get('AR_POST')).toMatchObject({
      status: 'fait',
      remark: 'Convention n° AR-75-2024-012.',
    });
    expect(items.get('AR_CONVENTION_END')).toMatchObject({
      due: '2026-06-30',
      status: 'a_venir',
      remark: null,
    });
    const late = obligations({ contract: first, today: '2026-07-01' });
    expect(late.get('AR_CONVENTION_END')?.status).toBe('en_retard');
    const renewed = obligations({
      contract: { ...first, conventionEnd: '2029-12-31' },
      today: '2029-07-01',
    });
    expect(renewed.get('AR_CONVENTION_END')).toMatchObject({
      status: 'en_retard',
      remark:
        'Convention déjà renouvelée une fois : elle ne peut plus l’être (3 ans, renouvelable une fois).',
    });
  });

  it('a contrat pro filed late, then the OPCO silent for 20 days: accepted by silence, lateness told', () => {
    const pro = contract({ type: 'PRO', trainingHours: 150 });
    const items = obligations({ contract: pro, today: '2026-02-15' }, [
      ['PRO_FILING', record('2026-01-12', { outcome: 'en_attente' })],
    ]);
    expect(items.get('PRO_FILING')).toMatchObject({
      status: 'fait',
      remark:
        'Transmis le 12/01/2026, après le délai de 5 jours. Sans réponse de l’OPCO en 20 jours : prise en charge réputée accordée.',
    });
    const waiting = obligations({ contract: pro, today: '2026-01-20' }, [
      ['PRO_FILING', record('2026-01-08', { outcome: 'en_attente' })],
    ]);
    expect(waiting.get('PRO_FILING')).toMatchObject({
      status: 'a_venir',
      due: '2026-01-28',
      remark: 'Décision de l’OPCO attendue au plus tard le 28/01/2026 (son silence vaut accord).',
    });
  });

  it('counts a contrat pro’s training hours attended against the contract’s, and its tutor’s load', () => {
    const pro = contract({ type: 'PRO', trainingHours: 150 });
    const items = obligations({ contract: pro, trainingHoursAttended: 48.5, tutorProTutees: 4 });
    expect(items.get('PRO_TRAINING_HOURS')).toMatchObject({
      progress: '48 h 30 sur 150 h',
      status: 'a_venir',
    });
    expect(items.get('PRO_TUTOR')).toMatchObject({
      status: 'en_retard',
      remark: 'Le tuteur suit 4 salariés en contrat de professionnalisation : 3 au plus.',
    });
    expect(obligations({ contract: pro }).get('PRO_TRAINING_HOURS')?.progress).toBe(
      '0 h sur 150 h',
    );
    const done = obligations({ contract: pro, trainingHoursAttended: 150 });
    expect(done.get('PRO_TRAINING_HOURS')?.status).toBe('fait');
  });

  it('France Services: continuing training due a year after the initial training, then yearly', () => {
    const cdi = contract({ type: 'CDI', end: null, start: '2024-01-01' });
    const initial = new Map([
      ['T02', '2024-02-01'],
      ['T03', '2024-03-01'],
    ]);
    const never = obligations({ contract: cdi, franceServices: true, modulesDone: initial });
    expect(never.get('FS_CONTINUING_TRAINING')).toMatchObject({
      due: '2025-03-01',
      status: 'en_retard',
    });
    const recent = obligations({
      contract: cdi,
      franceServices: true,
      modulesDone: new Map([...initial, ['T04', '2026-01-15']]),
    });
    expect(recent.get('FS_CONTINUING_TRAINING')).toMatchObject({
      due: '2027-01-15',
      status: 'fait',
    });
    expect([...recent.keys()]).toEqual(['FS_CONTINUING_TRAINING']);
  });

  it('Aidants Connect: a habilitation without its training is an obligation not met', () => {
    const cdd = contract({ type: 'CDD' });
    const items = obligations({ contract: cdd, aidantsConnectSince: '2026-03-01' });
    expect(items.get('FS_AIDANTS_CONNECT')).toMatchObject({
      status: 'en_retard',
      remark: 'Habilitation enregistrée sans la formation : à suivre avant tout usage.',
    });
    const trained = obligations({
      contract: cdd,
      aidantsConnectSince: '2026-03-01',
      modulesDone: new Map([['T05', '2026-02-20']]),
    });
    expect(trained.get('FS_AIDANTS_CONNECT')).toMatchObject({ status: 'fait', remark: null });
  });
});
