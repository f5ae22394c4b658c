import type {
  ApiError,
  Contract,
  PersonDetail,
  PersonSummary,
  RotaWeek,
  Site,
  WallRotaWeek,
} from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

/** Every field path of a JSON answer ("people[].contract.type"), array items merged. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, `${prefix}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      fieldPaths(item, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

const costFields = (body: unknown) =>
  fieldPaths(body).filter((path) => /cost/i.test(path) && !path.startsWith('totals.'));

describe('labour cost: a contract’s hourly cost and the site-week’s total', () => {
  let t: TestApp;
  let hr: string;
  let manager: string;
  let mediator: string;
  let sud: Site;
  let costed: string;
  let uncosted: string;
  // A week the demo leaves empty and no other spec of this file writes to.
  const week = addIsoWeeks(isoWeekOf(todayIn()), 6);

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    manager = await t.login('manager.sud@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    sud = sites.find((site) => site.code === 'S') as Site;
    const me = await t.request<{ personId: string }>('GET', '/api/auth/me', { cookie: mediator });
    costed = me.body.personId;
    const team = (await rota(hr)).people.filter(
      (person) => person.homeSiteId === sud.id && person.contract !== null && person.id !== costed,
    );
    uncosted = team[0].id;
    await t.dataSource.query('UPDATE contract SET hourly_cost_cents = 2050 WHERE person_id = $1', [
      costed,
    ]);
    await t.dataSource.query('UPDATE contract SET hourly_cost_cents = NULL WHERE person_id = $1', [
      uncosted,
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  async function rota(cookie: string): Promise<RotaWeek> {
    const response = await t.request<RotaWeek>('GET', `/api/rota?siteId=${sud.id}&week=${week}`, {
      cookie,
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  /** A Paris instant of a day of the week, "HH:MM". */
  function at(weekday: number, time: string): string {
    return new Date(
      `${addDays(windowOfIsoWeek(week).from, weekday - 1)}T${time}:00+01:00`,
    ).toISOString();
  }

  async function shift(
    personId: string | null,
    weekday: number,
    start: string,
    end: string,
    breakMinutes = 0,
  ): Promise<void> {
    const desk = sud.locations.find((location) => location.kind === 'site')?.id;
    const response = await t.request('POST', '/api/shifts', {
      cookie: manager,
      body: {
        personId,
        locationId: desk,
        activity: 'accueil',
        start: at(weekday, start),
        end: at(weekday, end),
        breakMinutes,
      },
    });
    expect(response.status).toBe(201);
  }

  it('totals the site-week’s worked minutes and costs them at each contract’s hourly cost', async () => {
    expect((await rota(hr)).totals).toEqual({
      minutes: 0,
      labourCostCents: 0,
      peopleWithoutCost: 0,
    });
    await shift(costed, 2, '09:00', '17:00', 60); // 7 h
    await shift(costed, 3, '13:00', '18:30'); // 5 h 30
    await shift(uncosted, 2, '09:00', '12:00'); // 3 h, no cost recorded
    await shift(null, 4, '09:00', '12:00'); // open: nobody's hours yet

    // 12 h 30 at 20,50 € = 256,25 €; the 3 h without a cost are counted in the hours only.
    const expected = { minutes: 930, labourCostCents: 25_625, peopleWithoutCost: 1 };
    expect((await rota(hr)).totals).toEqual(expected);
    expect((await rota(await t.login('direction@relais.demo'))).totals).toEqual(expected);

    // The site's manager sees the same site total, and no one's cost in the rest of the week.
    const managed = await rota(manager);
    expect(managed.totals).toEqual(expected);
    expect(costFields(managed)).toEqual([]);
  });

  it('gives a mediator the wall week without any total', async () => {
    const wall = await t.request<WallRotaWeek>('GET', `/api/rota?siteId=${sud.id}&week=${week}`, {
      cookie: mediator,
    });
    expect(wall.status).toBe(200);
    expect(wall.body.view).toBe('wall');
    expect(wall.body).not.toHaveProperty('totals');
    expect(costFields(wall.body)).toEqual([]);
  });

  it('shows a contract’s hourly cost to HR and admin only, on every contract read', async () => {
    const byHr = await t.request<Contract[]>('GET', `/api/people/${costed}/contracts`, {
      cookie: hr,
    });
    expect(byHr.body.map((contract) => contract.hourlyCost)).toEqual(byHr.body.map(() => 20.5));
    const detail = await t.request<PersonDetail>('GET', `/api/people/${uncosted}`, {
      cookie: hr,
    });
    expect(detail.body.contracts.at(-1)?.hourlyCost).toBeNull();

    // The person's manager and the person: never.
    for (const [cookie, path] of [
      [manager, `/api/people/${costed}/contracts`],
      [manager, `/api/people/${costed}`],
      [manager, `/api/people?siteId=${sud.id}`],
      [manager, '/api/contracts/ending?months=24'],
      [mediator, `/api/people/${costed}/contracts`],
      [mediator, `/api/people/${costed}`],
      [mediator, '/api/people'],
    ]) {
      const response = await t.request<unknown>('GET', path, { cookie });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, fields: costFields(response.body) }).toEqual({ path, fields: [] });
    }
    const list = await t.request<PersonSummary[]>('GET', `/api/people?siteId=${sud.id}`, {
      cookie: hr,
    });
    expect(list.body.find((person) => person.id === costed)?.currentContract?.hourlyCost).toBe(
      20.5,
    );
  });

  it('records the hourly cost of a new contract, in euros with 2 decimals, 0 to 1 000 €', async () => {
    const person = await t.request<PersonSummary>('POST', '/api/people', {
      cookie: hr,
      body: { firstName: 'Test', lastName: 'Coût', homeSiteId: sud.id, role: 'mediator' },
    });
    expect(person.status).toBe(201);
    const contract = (hourlyCost: unknown) => ({
      personId: person.body.id,
      type: 'CDI',
      start: todayIn(),
      weeklyHours: 35,
      hourlyCost,
    });
    for (const [hourlyCost, message] of [
      [-1, 'coût horaire positif ou nul'],
      [1000.01, 'coût horaire de 1 000 € au plus'],
      [18.555, 'deux décimales au plus (centimes)'],
      ['18,50', 'doit être un montant en euros, par exemple 18.50'],
    ] as const) {
      const refused = await t.request<ApiError>('POST', '/api/contracts', {
        cookie: hr,
        body: contract(hourlyCost),
      });
      expect({ hourlyCost, status: refused.status, details: refused.body.details }).toEqual({
        hourlyCost,
        status: 400,
        details: [{ field: 'hourlyCost', message }],
      });
    }
    const saved = await t.request<Contract>('POST', '/api/contracts', {
      cookie: hr,
      body: contract(18.5),
    });
    expect(saved.status).toBe(201);
    expect(saved.body.hourlyCost).toBe(18.5);
    const [row] = await t.dataSource.query('SELECT hourly_cost_cents FROM contract WHERE id = $1', [
      saved.body.id,
    ]);
    expect(row.hourly_cost_cents).toBe(1850);
  });
});
