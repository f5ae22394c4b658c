import type {
  ApiError,
  ContractObligation,
  ContractObligations,
  DueObligations,
  Pathway,
} from '@relais/api-types';
import { addDays, addMonths, formatDate } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { ObligationJobsService } from './obligation-jobs.service';

type Answer = ContractObligations & ApiError;

// Each contract type's obligations (issue #21 item 4): recorded by HR, followed from the facts,
// listed for the month and reminded, over HTTP on PostgreSQL.
describe('contract obligations (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  async function contractOf(lastName: string) {
    const [row] = await t.dataSource.query(
      `SELECT c.id, c.person_id AS "personId", to_char(c.start_date, 'YYYY-MM-DD') AS start,
              to_char(c.end_date, 'YYYY-MM-DD') AS "end"
         FROM contract c JOIN person p ON p.id = c.person_id
        WHERE p.last_name = $1 ORDER BY c.start_date DESC LIMIT 1`,
      [lastName],
    );
    return row as { id: string; personId: string; start: string; end: string | null };
  }

  const list = async (personId: string, cookie = hr) =>
    t.request<Answer>('GET', `/api/pathways/${personId}/obligations`, { cookie });
  const item = (answer: ContractObligations, code: string) =>
    answer.items.find((i) => i.code === code) as ContractObligation;
  const put = (contractId: string, code: string, body: object, cookie = hr) =>
    t.request<Answer>('POST', `/api/contracts/${contractId}/obligations`, {
      cookie,
      body: { code, ...body },
    });

  /** A PEC whose end is two months away, so its exit interview window is open now. */
  async function pecEndingSoon() {
    const pec = await contractOf('Fontaine');
    const end = addMonths(today, 2);
    await t.dataSource.query(`UPDATE contract SET end_date = $2 WHERE id = $1`, [pec.id, end]);
    return { ...pec, end };
  }

  it('lists a PEC’s obligations; HR records the prescriber, the tripartite interview and the exit interview, which closes P12', async () => {
    const pec = await pecEndingSoon();
    const before = (await list(pec.personId)).body;
    expect(before.items.map((i) => i.code)).toEqual([
      'PEC_PRESCRIBER',
      'PEC_TRIPARTITE',
      'PEC_ACTIONS',
      'PEC_RENEWAL_REQUEST',
      'PEC_EXIT_INTERVIEW',
      // Every demo site is labelled France Services.
      'FS_CONTINUING_TRAINING',
    ]);
    expect(item(before, 'PEC_TRIPARTITE')).toMatchObject({ status: 'en_retard', due: pec.start });
    expect(item(before, 'PEC_EXIT_INTERVIEW')).toMatchObject({
      window: { from: addMonths(pec.end, -3), to: addMonths(pec.end, -1) },
      status: 'a_venir',
    });

    const prescriber = await put(pec.id, 'PEC_PRESCRIBER', {
      doneOn: pec.start,
      outcome: 'france_travail',
      reference: 'Mme Leroy, agence Paris 14',
      evidence: 'Convention individuelle signée',
    });
    expect(prescriber.status).toBe(200);
    expect(item(prescriber.body, 'PEC_PRESCRIBER')).toMatchObject({
      status: 'fait',
      record: {
        outcome: 'france_travail',
        reference: 'Mme Leroy, agence Paris 14',
        evidence: 'Convention individuelle signée',
        recordedBy: expect.stringMatching(/\S+ \S+/),
      },
    });
    expect((await put(pec.id, 'PEC_TRIPARTITE', { doneOn: pec.start })).status).toBe(200);
    const interview = await put(pec.id, 'PEC_EXIT_INTERVIEW', {
      doneOn: today,
      reference: 'Projet : conseillère France Services ; candidatures en cours.',
    });
    expect(item(interview.body, 'PEC_EXIT_INTERVIEW')).toMatchObject({
      status: 'fait',
      remark: null,
    });
    const pathway = (
      await t.request<Pathway>('GET', `/api/pathways/${pec.personId}`, { cookie: hr })
    ).body;
    expect(pathway.milestones.find((m) => m.code === 'P12')).toMatchObject({
      status: 'fait',
      doneOn: today,
    });
    const audits = await t.dataSource.query(
      `SELECT action, details->>'code' AS code FROM audit_event
        WHERE entity_id = $1 AND action LIKE 'obligation.%' ORDER BY id`,
      [pec.id],
    );
    expect(audits).toEqual([
      { action: 'obligation.record', code: 'PEC_PRESCRIBER' },
      { action: 'obligation.record', code: 'PEC_TRIPARTITE' },
      { action: 'obligation.record', code: 'PEC_EXIT_INTERVIEW' },
    ]);
  });

  it('follows the aid request’s declared training against the modules validated', async () => {
    const pec = await contractOf('Fontaine');
    const validated: { code: string }[] = await t.dataSource.query(
      `SELECT DISTINCT m.code FROM training_record r JOIN training_module m ON m.id = r.module_id
        WHERE r.person_id = $1 ORDER BY m.code LIMIT 1`,
      [pec.personId],
    );
    const notYet: { code: string }[] = await t.dataSource.query(
      `SELECT m.code FROM training_module m WHERE m.code = 'T16'`,
    );
    const declared = [...validated, ...notYet].map((row) => row.code);
    const answer = await put(pec.id, 'PEC_ACTIONS', {
      doneOn: pec.start,
      moduleCodes: declared,
      reference: 'Accompagnement vers l’emploi par le tuteur',
    });
    expect(answer.status).toBe(200);
    expect(item(answer.body, 'PEC_ACTIONS')).toMatchObject({
      status: expect.not.stringMatching('fait'),
      progress: `${validated.length} formation${validated.length > 1 ? 's' : ''} sur ${declared.length} suivie${validated.length > 1 ? 's' : ''}`,
      remark: 'Reste à suivre : T16.',
    });
  });

  it('refuses bad input with a French message naming the field, and writes nothing', async () => {
    const pec = await contractOf('Fontaine');
    const pro = await contractOf('Moreau');
    const cases: [string, string, object, number, string][] = [
      [pec.id, 'PEC_RENEWAL_REQUEST', { doneOn: today, outcome: 'peut-être' }, 422, 'outcome'],
      [pec.id, 'PEC_PRESCRIBER', { doneOn: today, outcome: 'cap_emploi' }, 422, 'reference'],
      [pec.id, 'PEC_TRIPARTITE', { doneOn: addDays(today, 3) }, 422, 'doneOn'],
      [pec.id, 'PEC_TRIPARTITE', { doneOn: '2026-02-30' }, 400, 'doneOn'],
      [pec.id, 'PEC_TRIPARTITE', { doneOn: today, outcome: 'france_travail' }, 422, 'outcome'],
      [pec.id, 'PEC_ACTIONS', { doneOn: today, moduleCodes: ['T99'] }, 422, 'moduleCodes'],
      [pec.id, 'PEC_ACTIONS', { doneOn: today }, 422, 'moduleCodes'],
      [pro.id, 'PRO_TUTOR', { doneOn: today }, 422, 'code'],
      [pro.id, 'PEC_TRIPARTITE', { doneOn: today }, 422, 'code'],
    ];
    for (const [contract, code, body, status, field] of cases) {
      const answer = await put(contract, code, body);
      expect({ code, status: answer.status }).toEqual({ code, status });
      expect(answer.body.message).toMatch(/[a-zé]/);
      expect(JSON.stringify(answer.body.details)).toContain(field);
    }
    const unknown = await put(pec.id, 'NOT_A_CODE', { doneOn: today });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'code', message: 'valeur non autorisée' }]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM contract_obligation WHERE code IN ('PEC_RENEWAL_REQUEST', 'PRO_TUTOR')`,
    );
    expect(n).toBe(0);
  });

  it('an exit interview after the contract’s end is refused; one before its window is kept with a remark', async () => {
    const pec = await contractOf('Camara');
    const end = addDays(today, -10);
    const start = addMonths(end, -11);
    await t.dataSource.query(`UPDATE contract SET start_date = $2, end_date = $3 WHERE id = $1`, [
      pec.id,
      start,
      end,
    ]);
    const after = await put(pec.id, 'PEC_EXIT_INTERVIEW', { doneOn: today, reference: 'Bilan' });
    expect(after.status).toBe(422);
    expect(after.body.message).toBe(
      `L’entretien de sortie se tient pendant le contrat, avant sa fin le ${formatDate(end)}.`,
    );
    const early = addMonths(end, -5);
    const held = await put(pec.id, 'PEC_EXIT_INTERVIEW', { doneOn: early, reference: 'Bilan' });
    expect(item(held.body, 'PEC_EXIT_INTERVIEW')).toMatchObject({
      status: 'fait',
      remark: `Tenu le ${formatDate(early)}, hors de la fenêtre du ${formatDate(addMonths(end, -3))} au ${formatDate(addMonths(end, -1))}.`,
    });
  });

  it('adulte-relais: refuses to renew a convention already renewed once', async () => {
    const ar = await contractOf('Traoré');
    await t.dataSource.query(
      `UPDATE contract SET convention_start = $2, convention_end = $3 WHERE id = $1`,
      [ar.id, addMonths(today, -40), addMonths(today, 30)],
    );
    const renew = await put(ar.id, 'AR_CONVENTION_END', {
      doneOn: today,
      outcome: 'renouvellement_demande',
    });
    expect(renew.status).toBe(422);
    expect(renew.body.message).toBe(
      'La convention adulte-relais a déjà été renouvelée une fois : elle ne peut plus l’être (3 ans, renouvelable une fois).',
    );
    const post = await put(ar.id, 'AR_POST', { doneOn: today, reference: 'Poste 75-0412' });
    expect(item(post.body, 'AR_POST')).toMatchObject({ status: 'fait' });
    expect(item(post.body, 'AR_CONVENTION_END').remark).toContain('déjà renouvelée une fois');
  });

  it('contrat pro: the filing and the OPCO’s decision, the training hours and the tutor from the facts', async () => {
    const pro = await contractOf('Moreau');
    const late = addDays(pro.start, 9);
    const filed = await put(pro.id, 'PRO_FILING', { doneOn: late, outcome: 'en_attente' });
    expect(filed.status).toBe(200);
    const filing = item(filed.body, 'PRO_FILING');
    expect(filing.remark).toContain(`Transmis le ${formatDate(late)}, après le délai de 5 jours.`);
    // Filed with no answer: accepted by silence once 20 days have passed.
    expect(filing.status).toBe(addDays(late, 20) < today ? 'fait' : 'a_venir');
    expect(item(filed.body, 'PRO_TRAINING_HOURS')).toMatchObject({
      fulfilment: 'fact',
      progress: expect.stringMatching(/ sur 400 h$/),
    });
    expect(item(filed.body, 'PRO_TUTOR')).toMatchObject({ fulfilment: 'fact', status: 'fait' });
  });

  it('who may: the mediator reads their own but records nothing, reads no one else’s, nor HR’s month', async () => {
    const own = await contractOf('Traoré');
    const mediator = await t.login('mediateur@relais.demo');
    expect((await list(own.personId, mediator)).status).toBe(200);
    expect((await put(own.id, 'AR_POST', { doneOn: today, reference: 'x' }, mediator)).status).toBe(
      403,
    );
    const other = await contractOf('Fontaine');
    expect((await list(other.personId, mediator)).status).toBe(403);
    const due = await t.request<ApiError>('GET', '/api/obligations/due', { cookie: mediator });
    expect(due.status).toBe(403);
  });

  it('HR’s month: what is not met and falls due by the month’s end, late first; a bad month is refused', async () => {
    const month = today.slice(0, 7);
    const answer = await t.request<DueObligations>('GET', `/api/obligations/due?month=${month}`, {
      cookie: hr,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.month).toBe(month);
    expect(answer.body.items.length).toBeGreaterThan(0);
    for (const due of answer.body.items) {
      expect(due.status).not.toBe('fait');
      expect(due.due! <= `${month}-31`).toBe(true);
    }
    const dues = answer.body.items.map((i) => i.due as string);
    expect(dues).toEqual([...dues].sort());
    const bad = await t.request<ApiError>('GET', '/api/obligations/due?month=2026-13', {
      cookie: hr,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'month', message: 'mois invalide (format AAAA-MM attendu)' },
    ]);
  });

  it('reminds HR once of what falls due and what is late, and takes back a record by mistake', async () => {
    const jobs = t.app.get(ObligationJobsService);
    const raised = await jobs.runDaily(today);
    expect(raised).toBeGreaterThan(0);
    expect(await jobs.runDaily(today)).toBe(0);
    const [notice] = await t.dataSource.query(
      `SELECT n.title, n.body FROM notification n JOIN account a ON a.person_id = n.person_id
        WHERE a.email = 'rh@relais.demo' AND n.title = 'Obligation en retard' LIMIT 1`,
    );
    expect(notice.body).toMatch(/ : .+, attendue depuis le \d{2}\/\d{2}\/\d{4}\.$/);

    const pec = await contractOf('Fontaine');
    const recorded = item((await list(pec.personId)).body, 'PEC_TRIPARTITE').record;
    if (!recorded) throw new Error('the first case records the tripartite interview');
    const removed = await t.request<Answer>('DELETE', `/api/contract-obligations/${recorded.id}`, {
      cookie: hr,
    });
    expect(removed.status).toBe(200);
    expect(item(removed.body, 'PEC_TRIPARTITE')).toMatchObject({
      status: 'en_retard',
      record: null,
    });
    const again = await t.request<ApiError>('DELETE', `/api/contract-obligations/${recorded.id}`, {
      cookie: hr,
    });
    expect(again.status).toBe(404);
  });
});
