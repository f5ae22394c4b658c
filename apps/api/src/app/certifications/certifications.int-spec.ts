import type {
  ApiError,
  CertificationTitleProgress,
  Contract,
  ExitRecord,
  FieldError,
  Pathway,
  PersonCertifications,
  PersonCompetences,
} from '@relais/api-types';
import { COMPETENCES } from '@relais/api-types';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

// The professional title block by block and the tutor's competence assessments, over HTTP on
// PostgreSQL: states derived from sessions only, P09 and the exit's certification follow them.
describe('professional title and competence framework (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  let mediator: string;
  const today = todayIn();

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.dataSource.query(sql, params);
    return row as T;
  }

  const personId = async (lastName: string) =>
    (await one<{ id: string }>('SELECT id FROM person WHERE last_name = $1', [lastName])).id;
  const pathway = async (person: string) =>
    (await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie: hr })).body;
  const contracts = async (person: string) =>
    (await t.request<Contract[]>('GET', `/api/people/${person}/contracts`, { cookie: hr })).body;
  const msads = (answer: PersonCertifications): CertificationTitleProgress => {
    const title = answer.titles.find((candidate) => candidate.code === 'MSADS');
    if (!title) throw new Error('MSADS missing');
    return title;
  };
  const states = (title: CertificationTitleProgress) =>
    title.blocks.map((block) => [block.code, block.stateLabel]);
  const session = (person: string, body: Record<string, unknown>, cookie = hr) =>
    t.request<PersonCertifications & ApiError>(
      'POST',
      `/api/pathways/${person}/certifications/sessions`,
      { cookie, body: { titleCode: 'MSADS', route: 'EXAMEN', ...body } },
    );
  const field = (error: ApiError) => (error.details as FieldError[] | undefined)?.[0]?.field;
  const ratings = (level: string) => COMPETENCES.map((c) => ({ code: c.code, level }));

  it('a passed CCP1 leaves the title in progress; the three passed make it, and close P09', async () => {
    const person = await personId('Martin');
    const hire = (await pathway(person)).hireDate ?? '';
    const [first, second, third] = [addDays(today, -40), addDays(today, -25), addDays(today, -12)];
    expect(first > hire).toBe(true);

    const ccp1 = await session(person, { blockCodes: ['CCP1'], heldOn: first, result: 'ADMIS' });
    expect(ccp1.status).toBe(201);
    expect(msads(ccp1.body)).toMatchObject({ state: 'EN_COURS', stateLabel: 'En cours' });
    expect(msads(ccp1.body).obtainedOn).toBeNull();
    expect(states(msads(ccp1.body))).toEqual([
      ['CCP1', 'Obtenu'],
      ['CCP2', 'Non commencé'],
      ['CCP3', 'Non commencé'],
    ]);
    const p09 = () => pathway(person).then((p) => p.milestones.find((m) => m.code === 'P09'));
    expect((await p09())?.doneOn).toBeNull();

    await session(person, { blockCodes: ['CCP2'], heldOn: second, result: 'ADMIS' });
    const last = await session(person, {
      blockCodes: ['CCP3'],
      heldOn: third,
      result: 'ADMIS',
      note: 'Dossier professionnel et entretien avec le jury',
    });
    expect(msads(last.body)).toMatchObject({
      state: 'OBTENU',
      stateLabel: 'Titre obtenu',
      obtainedOn: third,
      rncp: 'RNCP36241',
    });
    expect(msads(last.body).sessions.map((s) => [s.blockCodes, s.heldOn])).toEqual([
      [['CCP3'], third],
      [['CCP2'], second],
      [['CCP1'], first],
    ]);
    expect(await p09()).toMatchObject({ doneOn: third, status: 'fait' });
    // The milestone is closed by the results, not by hand.
    const byHand = await t.request<ApiError>(
      'PATCH',
      `/api/pathways/milestones/${(await p09())?.id}`,
      {
        cookie: hr,
        body: { doneOn: null },
      },
    );
    expect(byHand.status).toBe(422);
    expect(byHand.body.message).toContain('titre professionnel');
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'certification_session.create' AND details->>'personId' = $1`,
        [person],
      ),
    ).toEqual({ n: 3 });
  });

  it('a VAE jury validating every block at once obtains the title', async () => {
    const person = await personId('Petit');
    const on = addDays(today, -3);
    const jury = await session(person, {
      blockCodes: ['CCP3', 'CCP1', 'CCP2'],
      route: 'VAE',
      heldOn: on,
      result: 'ADMIS',
    });
    expect(jury.status).toBe(201);
    expect(msads(jury.body)).toMatchObject({ state: 'OBTENU', obtainedOn: on });
    expect(msads(jury.body).blocks.map((b) => b.obtainedBy)).toEqual(['VAE', 'VAE', 'VAE']);
    expect(msads(jury.body).sessions[0].blockCodes).toEqual(['CCP1', 'CCP2', 'CCP3']);
    const p09 = (await pathway(person)).milestones.find((m) => m.code === 'P09');
    expect(p09?.doneOn).toBe(on);
  });

  it('a failed or missed session obtains nothing; a block is not obtained twice', async () => {
    const person = await personId('Koné');
    const failed = await session(person, {
      blockCodes: ['CCP1'],
      heldOn: addDays(today, -9),
      result: 'AJOURNE',
    });
    expect(failed.status).toBe(201);
    const absent = await session(person, {
      blockCodes: ['CCP2'],
      heldOn: addDays(today, -9),
      result: 'ABSENT',
    });
    expect(msads(absent.body)).toMatchObject({ state: 'EN_COURS', obtainedOn: null });
    expect(states(msads(absent.body))).toEqual([
      ['CCP1', 'Présenté, non obtenu'],
      ['CCP2', 'En formation'],
      ['CCP3', 'Non commencé'],
    ]);
    expect((await pathway(person)).milestones.find((m) => m.code === 'P09')?.doneOn).toBeNull();

    // The demo mediator passed CCP1 (seed): recording it again is refused, naming the day.
    const traore = await personId('Traoré');
    const again = await session(traore, {
      blockCodes: ['CCP1'],
      heldOn: addDays(today, -1),
      result: 'ADMIS',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(
      /CCP1 du TP MSADS est déjà obtenu \(le \d{2}\/\d{2}\/\d{4}\)/,
    );
  });

  it('an exit counts the blocks passed by its date, whatever the form sends', async () => {
    const after = await personId('Ouali');
    const before = await personId('Diabaté');
    const exitDate = addDays(today, -10);
    await session(after, { blockCodes: ['CCP2'], heldOn: addDays(today, -20), result: 'ADMIS' });
    await session(before, { blockCodes: ['CCP2'], heldOn: addDays(today, -5), result: 'ADMIS' });
    const exit = async (person: string, certificationObtained: boolean) => {
      const contract = (await contracts(person)).at(-1);
      return t.request<ExitRecord & ApiError>('POST', '/api/exits', {
        cookie: hr,
        body: { contractId: contract?.id, exitDate, outcome: 'SANS_EMPLOI', certificationObtained },
      });
    };
    const certified = await exit(after, false);
    expect(certified.status).toBe(201);
    expect(certified.body).toMatchObject({
      certificationObtained: true,
      certifiedBlocks: ['MSADS.CCP2'],
      certificationSummary: 'CCP2 du TP MSADS',
    });
    expect((await pathway(after)).exit?.certificationSummary).toBe('CCP2 du TP MSADS');
    const notYet = await exit(before, true);
    expect(notYet.status).toBe(201);
    expect(notYet.body).toMatchObject({
      certificationObtained: false,
      certifiedBlocks: [],
      certificationSummary: null,
    });
    // A session dated before the exit, recorded afterwards, reaches the exit record.
    await session(before, { blockCodes: ['CCP1'], heldOn: addDays(today, -15), result: 'ADMIS' });
    const list = (await t.request<ExitRecord[]>('GET', '/api/exits', { cookie: hr })).body;
    expect(list.find((x) => x.id === notYet.body.id)).toMatchObject({
      certificationObtained: true,
      certificationSummary: 'CCP1 du TP MSADS',
    });
  });

  it('the tutor records a stage for their tutee, once per stage, not for another person', async () => {
    const tutee = await personId('Ribeiro');
    const contract = (await contracts(tutee)).at(-1);
    const record = (contractId: string, body: Record<string, unknown>, cookie = mediator) =>
      t.request<PersonCompetences & ApiError>('PUT', `/api/contracts/${contractId}/competences`, {
        cookie,
        body: { stage: 'MI_PARCOURS', assessedOn: addDays(today, -2), ...body },
      });
    const first = await record(contract?.id ?? '', { ratings: ratings('EN_COURS') });
    expect(first.status).toBe(200);
    const stages = () =>
      first.body.contracts.find((c) => c.contractId === contract?.id)?.assessments ?? [];
    expect(stages().map((a) => [a.stageLabel, a.assessorName])).toEqual([
      ['Entrée', 'Abdoulaye Traoré'],
      ['Mi-parcours', 'Abdoulaye Traoré'],
    ]);
    expect(stages()[1].ratings[0]).toMatchObject({
      label: 'Accueillir et écouter le public',
      levelLabel: 'En cours d’acquisition',
    });
    // Corrected, not duplicated; the change is in the audit trail.
    const corrected = await record(contract?.id ?? '', { ratings: ratings('ACQUIS') });
    expect(corrected.status).toBe(200);
    const midpoints = corrected.body.contracts
      .flatMap((c) => c.assessments)
      .filter((a) => a.stage === 'MI_PARCOURS');
    expect(midpoints.map((a) => a.ratings[0].levelLabel)).toEqual(['Acquis']);
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'competence_assessment.update' AND details->>'personId' = $1`,
        [tutee],
      ),
    ).toEqual({ n: 1 });
    // The tutor reads their tutee's assessments; not another person's contract.
    const read = await t.request<PersonCompetences>('GET', `/api/pathways/${tutee}/competences`, {
      cookie: mediator,
    });
    expect(read.status).toBe(200);
    expect(read.body.contracts[0].canRecord).toBe(true);
    const other = (await contracts(await personId('Moreau'))).at(-1);
    const refused = await record(other?.id ?? '', { ratings: ratings('ACQUIS') });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('tuteur désigné');
  });

  it('HR names the assessor when the contract has no tutor; a mediator writes no result', async () => {
    const traore = await personId('Traoré');
    const contract = (await contracts(traore)).at(-1);
    const body = { stage: 'ENTREE', assessedOn: addDays(today, -1), ratings: ratings('ACQUIS') };
    const unnamed = await t.request<ApiError>('PUT', `/api/contracts/${contract?.id}/competences`, {
      cookie: hr,
      body,
    });
    expect(unnamed.status).toBe(422);
    expect(field(unnamed.body)).toBe('assessorId');
    const named = await t.request<PersonCompetences>(
      'PUT',
      `/api/contracts/${contract?.id}/competences`,
      { cookie: hr, body: { ...body, assessorId: await personId('Sy') } },
    );
    expect(named.status).toBe(200);
    expect(named.body.contracts[0].assessments[0].assessorName).toBe('Mamadou Sy');
    // The mediator reads their own title, records nothing on it.
    const own = await t.request<PersonCertifications>(
      'GET',
      `/api/pathways/${traore}/certifications`,
      { cookie: mediator },
    );
    expect(own.status).toBe(200);
    expect(own.body.canRecord).toBe(false);
    expect(states(msads(own.body))[0]).toEqual(['CCP1', 'Obtenu']);
    const write = await session(
      traore,
      { blockCodes: ['CCP3'], heldOn: today, result: 'ADMIS' },
      mediator,
    );
    expect(write.status).toBe(403);
    const training = await t.request('PUT', `/api/pathways/${traore}/certifications/training`, {
      cookie: mediator,
      body: { titleCode: 'MSADS', blockCode: 'CCP3', hours: 10 },
    });
    expect(training.status).toBe(403);
  });

  it('records the hours followed toward a block: it is then in training', async () => {
    const person = await personId('Haddad');
    const saved = await t.request<PersonCertifications>(
      'PUT',
      `/api/pathways/${person}/certifications/training`,
      { cookie: hr, body: { titleCode: 'AMIS', blockCode: 'CCP2', hours: 42.5 } },
    );
    expect(saved.status).toBe(200);
    const amis = saved.body.titles.find((title) => title.code === 'AMIS');
    expect(amis?.blocks[1]).toMatchObject({ trainingHours: 42.5, stateLabel: 'En formation' });
    expect(amis?.stateLabel).toBe('En cours');
  });

  it('refuses bad input in French, naming the field', async () => {
    const person = await personId('Martin');
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [
        { titleCode: 'XYZ', blockCodes: ['CCP1'] },
        400,
        'titleCode',
        /« titleCode » : valeur non autorisée/,
      ],
      [{ blockCodes: ['CCP4'] }, 400, 'blockCodes', /« blockCodes » : valeur non autorisée/],
      [{ blockCodes: [] }, 400, 'blockCodes', /au moins un bloc/],
      [{ blockCodes: ['CCP1', 'CCP1'] }, 400, 'blockCodes', /deux fois/],
      [{ route: 'DIPLOME' }, 400, 'route', /« route » : valeur non autorisée/],
      [{ result: 'REUSSI' }, 400, 'result', /« result » : valeur non autorisée/],
      [{ heldOn: addDays(today, 3) }, 400, 'heldOn', /dans le futur/],
      [{ heldOn: '2027-02-30' }, 400, 'heldOn', /date invalide/],
      [{ heldOn: '2001-01-15' }, 422, 'heldOn', /premier contrat/],
    ];
    for (const [change, status, name, message] of cases) {
      const response = await session(person, {
        blockCodes: ['CCP1'],
        heldOn: addDays(today, -1),
        result: 'AJOURNE',
        ...change,
      });
      expect([change, response.status]).toEqual([change, status]);
      expect(field(response.body)).toBe(name);
      expect(response.body.message).toMatch(message);
    }
    const contract = (await contracts(await personId('Ribeiro'))).at(-1);
    const competence = (body: Record<string, unknown>) =>
      t.request<ApiError>('PUT', `/api/contracts/${contract?.id}/competences`, {
        cookie: hr,
        body: { stage: 'SORTIE', assessedOn: today, ratings: ratings('ACQUIS'), ...body },
      });
    const missing = await competence({ ratings: ratings('ACQUIS').slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('C01 (Accueillir et écouter le public)');
    const level = await competence({ ratings: [{ code: 'C01', level: 'EXCELLENT' }] });
    expect(level.status).toBe(400);
    expect(field(level.body)).toBe('ratings.0.level');
    const stage = await competence({ stage: 'FINAL' });
    expect(stage.status).toBe(400);
    expect(stage.body.message).toContain('« stage » : valeur non autorisée');
    const early = await competence({ assessedOn: '2020-01-06' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('début du contrat');
    const training = await t.request<ApiError>(
      'PUT',
      `/api/pathways/${person}/certifications/training`,
      { cookie: hr, body: { titleCode: 'MSADS', blockCode: 'CCP1', hours: -2 } },
    );
    expect(training.status).toBe(400);
    expect(field(training.body)).toBe('hours');
  });
});
