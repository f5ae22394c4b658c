import type { ApiError, Pathway, TrainingEnrolment, TrainingSession } from '@relais/api-types';
import { addDays, zonedInstant } from '@relais/rules';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

const TZ = 'Europe/Paris';
const at = (date: string, time: string) => toZonedIso(zonedInstant(date, time, TZ));

// Training is counted in hours attended, session by session: a module of several days closes,
// and grants its qualification, only when its validated sessions reach its hours (issue #21).
describe('training counted in hours attended, session by session (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  const today = todayIn();
  // Days before the seeded rota weeks (which start at most 13 days back): nobody has a shift there.
  const day = (n: number) => addDays(today, -30 + n);

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
  });

  afterAll(async () => {
    await t.close();
  });

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await t.dataSource.query(sql, params);
    return row as T;
  }

  const perrin = () =>
    one<{ id: string }>(`SELECT id FROM person WHERE last_name = 'Perrin'`).then((r) => r.id);

  async function session(code: string, date: string, start = '09:00', end = '17:00', pause = 60) {
    const module = await one<{ id: string }>('SELECT id FROM training_module WHERE code = $1', [
      code,
    ]);
    const desk = await one<{ id: string }>(`SELECT id FROM location WHERE code = 'E'`);
    const response = await t.request<TrainingSession>('POST', '/api/training/sessions', {
      cookie: hr,
      body: {
        moduleId: module.id,
        locationId: desk.id,
        start: at(date, start),
        end: at(date, end),
        breakMinutes: pause,
        capacity: 10,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** Enrols, notes the presence and validates: one attended day. */
  async function attendDay(
    code: string,
    date: string,
    person: string,
    hours?: { start: string; end: string; pause: number },
  ): Promise<TrainingEnrolment> {
    const s = await session(code, date, hours?.start, hours?.end, hours?.pause);
    const enrolment = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/sessions/${s.id}/enrolments`,
      { cookie: hr, body: { personId: person } },
    );
    expect(enrolment.status).toBe(201);
    const present = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/enrolments/${enrolment.body.id}/attendance`,
      { cookie: hr, body: { present: true } },
    );
    expect(present.status).toBe(200);
    const validated = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/enrolments/${enrolment.body.id}/validation`,
      { cookie: hr },
    );
    expect(validated.status).toBe(200);
    return validated.body;
  }

  const records = (person: string, code: string) =>
    one<{ n: number; hours: string | null }>(
      `SELECT count(*)::int AS n, max(r.hours)::text AS hours FROM training_record r
         JOIN training_module m ON m.id = r.module_id WHERE r.person_id = $1 AND m.code = $2`,
      [person, code],
    );
  const hasSkill = async (person: string) =>
    (
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM person_skill WHERE person_id = $1 AND skill = 'france_services_initial'`,
        [person],
      )
    ).n > 0;
  const pathway = async (person: string) =>
    (await t.request<Pathway>('GET', `/api/pathways/${person}`, { cookie: hr })).body;

  it('keeps the 3.5-day France Services module open after one validated day, closes it with the last', async () => {
    const person = await perrin();
    const before = await pathway(person);
    const first = await attendDay('T02', day(0), person);
    // The day's hours, not the module's: 7 h of 24 h 30, the module still open.
    expect(first).toMatchObject({
      status: 'validated',
      attendedMinutes: 420,
      module: { attendedMinutes: 420, requiredMinutes: 1470, isComplete: false },
    });
    expect(await records(person, 'T02')).toEqual({ n: 0, hours: null });
    const open = await pathway(person);
    expect(open.requiredModules.find((m) => m.code === 'T02')).toMatchObject({
      hoursAttended: 7,
      isDone: false,
    });
    expect(open.progress.hoursDone).toBe(before.progress.hoursDone + 7);
    expect(open.progress.modulesValidated).toBe(before.progress.modulesValidated);

    await attendDay('T02', day(1), person);
    await attendDay('T02', day(2), person);
    expect(await records(person, 'T02')).toEqual({ n: 0, hours: null });
    const last = await attendDay('T02', day(3), person, { start: '09:00', end: '12:30', pause: 0 });
    expect(last.module).toEqual({ attendedMinutes: 1470, requiredMinutes: 1470, isComplete: true });
    expect(await records(person, 'T02')).toEqual({ n: 1, hours: '24.5' });
    const closed = await pathway(person);
    expect(closed.requiredModules.find((m) => m.code === 'T02')).toMatchObject({
      hoursAttended: 24.5,
      isDone: true,
    });
    expect(closed.records.find((r) => r.moduleCode === 'T02')).toMatchObject({
      completedOn: day(3),
      hours: 24.5,
    });
  });

  it('grants the France Services qualification only when the last day of its module is validated', async () => {
    const person = await perrin();
    await attendDay('T03', day(6), person);
    await attendDay('T03', day(7), person);
    // Two days of three: no qualification, so the desk-coverage rule does not count the person.
    expect(await hasSkill(person)).toBe(false);
    expect((await pathway(person)).milestones.find((m) => m.code === 'P03')).toMatchObject({
      doneOn: null,
    });
    const last = await attendDay('T03', day(8), person);
    expect(last.module.isComplete).toBe(true);
    expect(await hasSkill(person)).toBe(true);
    expect((await pathway(person)).milestones.find((m) => m.code === 'P03')).toMatchObject({
      doneOn: day(8),
      status: 'fait',
    });
  });

  it('records fewer hours for a partial presence, never more than the session, none for an absence', async () => {
    const person = await perrin();
    const s = await session('T09', day(10));
    const enrolment = (
      await t.request<TrainingEnrolment>('POST', `/api/training/sessions/${s.id}/enrolments`, {
        cookie: hr,
        body: { personId: person },
      })
    ).body;
    const attend = (body: Record<string, unknown>) =>
      t.request<TrainingEnrolment & ApiError>(
        'POST',
        `/api/training/enrolments/${enrolment.id}/attendance`,
        { cookie: hr, body },
      );
    const tooMuch = await attend({ present: true, attendedMinutes: 480 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.message).toBe(
      'Heures suivies : 8 h dépasse la durée de la session (7 h, pause déduite).',
    );
    expect(tooMuch.body.details).toEqual([{ field: 'attendedMinutes', message: 'au plus 7 h' }]);
    const absentWithHours = await attend({ present: false, attendedMinutes: 60 });
    expect(absentWithHours.status).toBe(422);
    expect(absentWithHours.body.details).toEqual([
      expect.objectContaining({ field: 'attendedMinutes' }),
    ]);
    const notANumber = await attend({ present: true, attendedMinutes: 'la matinée' });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.details).toEqual([
      expect.objectContaining({ field: 'attendedMinutes' }),
    ]);
    const half = await attend({ present: true, attendedMinutes: 210 });
    expect(half.status).toBe(200);
    expect(half.body.attendedMinutes).toBe(210);
    const validated = await t.request<TrainingEnrolment>(
      'POST',
      `/api/training/enrolments/${enrolment.id}/validation`,
      { cookie: hr },
    );
    expect(validated.body.module).toEqual({
      attendedMinutes: 210,
      requiredMinutes: 840,
      isComplete: false,
    });
    expect(await records(person, 'T09')).toEqual({ n: 0, hours: null });
  });

  it('refuses a session longer than a day', async () => {
    const module = await one<{ id: string }>(`SELECT id FROM training_module WHERE code = 'T16'`);
    const desk = await one<{ id: string }>(`SELECT id FROM location WHERE code = 'E'`);
    const response = await t.request<ApiError>('POST', '/api/training/sessions', {
      cookie: hr,
      body: {
        moduleId: module.id,
        locationId: desk.id,
        start: at(day(12), '09:00'),
        end: at(day(13), '17:00'),
        breakMinutes: 60,
        capacity: 10,
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { field: 'end', message: '24 h au plus après le début' },
    ]);
  });
});
