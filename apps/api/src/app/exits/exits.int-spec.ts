import type {
  ApiError,
  ContractType,
  ExitRecord,
  ExitReport,
  OrganisationSettingsAnswer,
  Pathway,
  PathwayDashboard,
} from '@relais/api-types';
import { addDays, addMonths } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

// Exit categories derived from what followed, internal hires, missing records, the rate by
// contract family and the minimum stay (issue #21), over HTTP on PostgreSQL.
describe('exits derived from what followed (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  let admin: string;
  let organisationId: string;
  let siteId: string;
  const today = todayIn();
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    admin = await t.login('direction@relais.demo');
    const [site] = await t.dataSource.query(
      `SELECT id, organisation_id FROM site WHERE code = 'S'`,
    );
    siteId = site.id;
    organisationId = site.organisation_id;
    // A small fixture of its own: the demo's historical leavers are set aside.
    await t.dataSource.query('DELETE FROM exit_record');
  });

  afterAll(async () => {
    await t.close();
  });

  /** A person with contracts one after the other (SQL fixture); returns their contract ids. */
  async function personWith(
    contracts: { type: ContractType; start: string; end: string | null; renewalOf?: number }[],
  ): Promise<{ personId: string; contractIds: string[] }> {
    serial += 1;
    const [person] = await t.dataSource.query(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id)
       VALUES ($1, 'Sortant', $2, $3) RETURNING id`,
      [organisationId, `Fixture ${serial}`, siteId],
    );
    const contractIds: string[] = [];
    for (const contract of contracts) {
      const [row] = await t.dataSource.query(
        `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours, renewal_of)
         VALUES ($1, $2, $3, $4, $5, 26, $6) RETURNING id`,
        [
          organisationId,
          person.id,
          contract.type,
          contract.start,
          contract.end,
          contract.renewalOf === undefined ? null : contractIds[contract.renewalOf],
        ],
      );
      contractIds.push(row.id);
    }
    return { personId: person.id, contractIds };
  }

  const record = (body: Record<string, unknown>) =>
    t.request<ExitRecord & ApiError>('POST', '/api/exits', { cookie: hr, body });
  const report = async () =>
    (await t.request<ExitReport>('GET', '/api/reports/exits', { cookie: hr })).body;
  const dashboard = async () =>
    (await t.request<PathwayDashboard>('GET', '/api/reports/pathways', { cookie: hr })).body;

  // A year-long PEC that ended a month ago.
  const ended = { start: addMonths(today, -13), end: addMonths(today, -1) };

  it('derives "emploi de transition" for an exit into a 4-month CDD, whatever was typed', async () => {
    const { contractIds } = await personWith([{ type: 'PEC', ...ended }]);
    const created = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'CDD',
      jobMonths: 4,
      category: 'EMPLOI_DURABLE',
      employerSector: 'Services postaux',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      category: 'EMPLOI_TRANSITION',
      jobContractType: 'CDD',
      jobMonths: 4,
      durationBucket: 'UNDER_SIX_MONTHS',
      isInternalHire: false,
      entryDate: ended.start,
    });
    const audit = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'exit_record.create' AND entity_id = $1`,
      [created.body.id],
    );
    expect(audit[0].details).toMatchObject({
      category: 'EMPLOI_TRANSITION',
      typedCategoryIgnored: 'EMPLOI_DURABLE',
    });
  });

  it('derives lasting employment from a CDD of 6 months and transition from an aided contract of a year', async () => {
    const six = await personWith([{ type: 'ADULTE_RELAIS', ...ended }]);
    const aided = await personWith([{ type: 'PEC', ...ended }]);
    expect(
      (
        await record({
          contractId: six.contractIds[0],
          exitDate: ended.end,
          outcome: 'CDD',
          jobMonths: 6,
        })
      ).body.category,
    ).toBe('EMPLOI_DURABLE');
    expect(
      (
        await record({
          contractId: aided.contractIds[0],
          exitDate: ended.end,
          outcome: 'CONTRAT_AIDE',
          jobMonths: 12,
        })
      ).body.category,
    ).toBe('EMPLOI_TRANSITION');
  });

  it('records an entry into training as a positive exit without any job length', async () => {
    const { contractIds } = await personWith([{ type: 'PRO', ...ended }]);
    const created = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'FORMATION',
      detail: 'Entrée en formation DEAES',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      category: 'SORTIE_POSITIVE',
      jobContractType: 'FORMATION',
      jobMonths: null,
      durationBucket: null,
    });
  });

  it('asks a neutralised exit its reason code, and "other" its detail', async () => {
    const { contractIds } = await personWith([{ type: 'PEC', ...ended }]);
    const noReason = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'NEUTRALISEE',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details).toEqual([
      { field: 'neutralisedReason', message: 'obligatoire pour une sortie neutralisée' },
    ]);
    const unknown = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'NEUTRALISEE',
      neutralisedReason: 'VACANCES',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'neutralisedReason' })]);
    const other = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'NEUTRALISEE',
      neutralisedReason: 'AUTRE',
    });
    expect(other.status).toBe(422);
    expect(other.body.details).toEqual([
      { field: 'detail', message: 'obligatoire pour le motif « autre »' },
    ]);
    const moved = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'NEUTRALISEE',
      neutralisedReason: 'DEMENAGEMENT',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      category: 'NEUTRALISEE',
      neutralisedReason: 'DEMENAGEMENT',
    });
  });

  it('counts a PEC followed by a CDI at the association as lasting employment', async () => {
    const cdiStart = addDays(ended.end, 1);
    const { personId, contractIds } = await personWith([
      { type: 'PEC', ...ended },
      { type: 'CDI', start: cdiStart, end: null },
    ]);
    // Until recorded, the dashboard lists the missing record (an internal hire) and the rate
    // counts it as not dynamic.
    expect((await dashboard()).missingExits).toContainEqual(
      expect.objectContaining({ contractId: contractIds[0], isInternalHire: true }),
    );
    const pathway = (await t.request<Pathway>('GET', `/api/pathways/${personId}`, { cookie: hr }))
      .body;
    expect(pathway.exitContract).toEqual({
      contractId: contractIds[0],
      contractType: 'PEC',
      end: ended.end,
      internalHire: { contractType: 'CDI', start: cdiStart, months: null },
    });
    // What followed is the CDI: nothing else to type, and a typed outcome does not override it.
    const created = await record({
      contractId: contractIds[0],
      exitDate: ended.end,
      outcome: 'SANS_EMPLOI',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      category: 'EMPLOI_DURABLE',
      jobContractType: 'CDI',
      isInternalHire: true,
    });
    expect((await dashboard()).missingExits.map((row) => row.contractId)).not.toContain(
      contractIds[0],
    );
    // A PEC followed by an adulte-relais contract continues the pathway: no exit there.
    const continued = await personWith([
      { type: 'PEC', ...ended },
      { type: 'ADULTE_RELAIS', start: cdiStart, end: addMonths(cdiStart, 36) },
    ]);
    const refused = await record({
      contractId: continued.contractIds[0],
      exitDate: ended.end,
      outcome: 'CDI',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([
      { field: 'contractId', message: 'contrat suivi d’un autre' },
    ]);
  });

  it('computes the rate by contract family as by hand, missing records in, short stays out', async () => {
    // Five more leavers beside the seven above (durable 2, transition 2, positive 1, neutralised 1).
    const missing = await personWith([{ type: 'PEC', ...ended }]);
    const other = await personWith([{ type: 'PEC', ...ended }]);
    const ordinary = await personWith([{ type: 'CDD', ...ended }]);
    const trial = { start: addDays(ended.end, -6), end: ended.end };
    const short = await personWith([{ type: 'PEC', ...trial }]);
    const durable = await personWith([{ type: 'CDI', start: ended.start, end: ended.end }]);
    for (const contractId of [other.contractIds[0], ordinary.contractIds[0]])
      expect(
        (await record({ contractId, exitDate: ended.end, outcome: 'SANS_EMPLOI' })).status,
      ).toBe(201);
    expect(
      (await record({ contractId: short.contractIds[0], exitDate: ended.end, outcome: 'CDI' }))
        .status,
    ).toBe(201);
    expect(
      (await record({ contractId: durable.contractIds[0], exitDate: ended.end, outcome: 'CDI' }))
        .status,
    ).toBe(201);
    expect(missing.contractIds).toHaveLength(1);

    // By hand (minimum stay 90 days by default):
    // aided (PEC, AR): transition (4-month CDD), durable (6-month CDD), transition (aided
    //   contract), neutralised, durable (internal CDI), autre, missing record; the 7-day PEC is
    //   too short. Exits 6, neutralised 1, missing 1, dynamic 4 → 4 / (6 − 1 + 1) = 0.6667.
    // alternance (PRO): positive → 1 / 1 = 1.
    // ordinary (CDD, CDI): autre, durable → 1 / 2 = 0.5.
    // All: exits 9, neutralised 1, missing 1, dynamic 6 → 6 / 9 = 0.6667.
    const byHand = await report();
    expect(byHand).toMatchObject({
      exits: 9,
      neutralised: 1,
      missing: 1,
      tooShort: 1,
      dynamic: 6,
      dynamicExitRate: 0.6667,
      minimumStayDays: 90,
    });
    expect(byHand.byFamily).toEqual([
      {
        family: 'AIDE',
        exits: 6,
        neutralised: 1,
        missing: 1,
        tooShort: 1,
        dynamic: 4,
        dynamicExitRate: 0.6667,
      },
      {
        family: 'ALTERNANCE',
        exits: 1,
        neutralised: 0,
        missing: 0,
        tooShort: 0,
        dynamic: 1,
        dynamicExitRate: 1,
      },
      {
        family: 'DROIT_COMMUN',
        exits: 2,
        neutralised: 0,
        missing: 0,
        tooShort: 0,
        dynamic: 1,
        dynamicExitRate: 0.5,
      },
    ]);
    expect((await dashboard()).missingExits).toEqual([
      expect.objectContaining({ contractId: missing.contractIds[0], isInternalHire: false }),
    ]);

    // The minimum stay is the organisation's: at 0 days, the 7-day PEC counts too.
    const settings = (
      await t.request<OrganisationSettingsAnswer>('GET', '/api/organisation/settings', {
        cookie: admin,
      })
    ).body.settings;
    const refused = await t.request<ApiError>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...settings, exitMinimumStayDays: 400 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'exitMinimumStayDays' }),
    ]);
    const saved = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: { ...settings, exitMinimumStayDays: 0 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.exitMinimumStayDays).toBe(0);
    // Aided: exits 7, dynamic 5 → 5 / (7 − 1 + 1) = 0.7143.
    expect((await report()).byFamily[0]).toMatchObject({
      family: 'AIDE',
      exits: 7,
      tooShort: 0,
      dynamic: 5,
      dynamicExitRate: 0.7143,
    });
    // A body without the setting keeps it.
    const withoutStay: Partial<typeof settings> = { ...settings };
    delete withoutStay.exitMinimumStayDays;
    const kept = await t.request<OrganisationSettingsAnswer>('PUT', '/api/organisation/settings', {
      cookie: admin,
      body: withoutStay,
    });
    expect(kept.body.settings.exitMinimumStayDays).toBe(0);
  });
});
