import type { ApiError, FieldError, JobSearch, PartnerEmployer, Pathway } from '@relais/api-types';
import { addDays } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

// Job-search support on the pathway over HTTP on PostgreSQL: PMSMP immersions (one month at most,
// a convention signed by the start), the project's validation closing P11, an immersion over
// closing P10, the mediator logging their own applications, partner employers, French refusals.
describe('job-search support on the pathway (HTTP, PostgreSQL)', () => {
  let t: TestApp;
  let hr: string;
  let mediator: string;
  let manager: string;
  let organisationId: string;
  let siteId: string;
  let mediatorId: string;
  let personId: string;
  let partnerId: string;
  const today = todayIn();

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.login('rh@relais.demo');
    mediator = await t.login('mediateur@relais.demo');
    manager = await t.login('manager.sud@relais.demo');
    const [site] = await t.dataSource.query(
      `SELECT id, organisation_id FROM site WHERE code = 'S'`,
    );
    siteId = site.id;
    organisationId = site.organisation_id;
    const [me] = await t.dataSource.query(
      `SELECT person_id FROM account WHERE email = 'mediateur@relais.demo'`,
    );
    mediatorId = me.person_id;
    // A PEC of Paris Sud, hired 8 months ago for 18 months: P10 and P11 are still open.
    const [person] = await t.dataSource.query(
      `INSERT INTO person (organisation_id, first_name, last_name, home_site_id)
       VALUES ($1, 'Inès', 'Recherche', $2) RETURNING id`,
      [organisationId, siteId],
    );
    personId = person.id;
    await t.dataSource.query(
      `INSERT INTO contract (organisation_id, person_id, type, start_date, end_date, weekly_hours)
       VALUES ($1, $2, 'PEC', $3, $4, 26)`,
      [organisationId, personId, addDays(today, -240), addDays(today, 300)],
    );
    const partner = await t.request<PartnerEmployer>('POST', '/api/partner-employers', {
      cookie: hr,
      body: partnerBody('Bailleur social Est Habitat'),
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });

  afterAll(async () => {
    await t.close();
  });

  function partnerBody(name: string): Record<string, unknown> {
    return {
      name,
      sector: 'Logement social',
      town: 'Paris 20e',
      contactName: null,
      contactEmail: 'contact@esthabitat.example',
      contactPhone: null,
      note: null,
    };
  }

  const immersion = (overrides: Record<string, unknown> = {}) => ({
    employerId: partnerId,
    start: addDays(today, -40),
    end: addDays(today, -29),
    objective: 'DECOUVRIR_METIER',
    prescriber: 'FRANCE_TRAVAIL',
    prescriberName: null,
    conventionSignedOn: addDays(today, -45),
    tutorName: 'M. Benali, gardien chef',
    ...overrides,
  });
  const addImmersion = (body: Record<string, unknown>) =>
    t.request<JobSearch & ApiError>('POST', `/api/pathways/${personId}/immersions`, {
      cookie: hr,
      body,
    });
  const pathway = async (id: string) =>
    (await t.request<Pathway>('GET', `/api/pathways/${id}`, { cookie: hr })).body;
  const milestone = async (id: string, code: string) =>
    (await pathway(id)).milestones.find((m) => m.code === code);
  const rows = async (table: string) =>
    (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE person_id = $1`, [
        personId,
      ])
    )[0].n as number;
  const fields = (body: ApiError) =>
    (body.details as FieldError[] | undefined)?.map((d) => d.field);

  it('refuses a five-week immersion, naming the one-month rule (D5135-3), and writes nothing', async () => {
    const start = addDays(today, -60);
    const refused = await addImmersion(immersion({ start, end: addDays(start, 34) }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/un mois au plus, de date à date/);
    expect(refused.body.message).toMatch(/D5135-3/);
    expect(fields(refused.body)).toEqual(['end']);
    expect(await rows('immersion')).toBe(0);
    // De date à date: from 12 January, 11 February is the last day; the 12th is one day over.
    const oneDayOver = await addImmersion(
      immersion({ start: '2026-01-12', end: '2026-02-12', conventionSignedOn: '2026-01-05' }),
    );
    expect(oneDayOver.status).toBe(422);
    expect(oneDayOver.body.message).toMatch(/11\/02\/2026 au plus tard/);
  });

  it('refuses an immersion without a convention signed before it starts (L5135-4)', async () => {
    const refused = await addImmersion(immersion({ conventionSignedOn: addDays(today, -39) }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/convention signée avant son début/);
    expect(refused.body.message).toMatch(/L5135-4/);
    expect(fields(refused.body)).toEqual(['conventionSignedOn']);
    const missing = await addImmersion({ ...immersion(), conventionSignedOn: undefined });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['conventionSignedOn']);
    expect(await rows('immersion')).toBe(0);
  });

  it('refuses an immersion outside the person’s contracts, or ending before it starts', async () => {
    const outside = await addImmersion(
      immersion({
        start: addDays(today, -250),
        end: addDays(today, -245),
        conventionSignedOn: addDays(today, -260),
      }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.message).toMatch(/tenir dans un des contrats/);
    const backwards = await addImmersion(immersion({ end: addDays(today, -41) }));
    expect(backwards.status).toBe(422);
    expect(fields(backwards.body)).toEqual(['end']);
  });

  it('records a valid immersion; P10 closes once it is over, not before', async () => {
    const future = await addImmersion(
      immersion({
        start: addDays(today, 10),
        end: addDays(today, 20),
        conventionSignedOn: today,
        objective: 'INITIER_RECRUTEMENT',
      }),
    );
    expect(future.status).toBe(201);
    expect(future.body.immersions).toHaveLength(1);
    expect(future.body.immersions[0]).toMatchObject({
      employerName: 'Bailleur social Est Habitat',
      isDone: false,
    });
    expect((await milestone(personId, 'P10'))?.doneOn).toBeNull();

    const done = await addImmersion(immersion());
    expect(done.status).toBe(201);
    expect(done.body.immersions.map((i) => i.isDone)).toEqual([false, true]);
    expect((await milestone(personId, 'P10'))?.doneOn).toBe(addDays(today, -29));
    // Overlapping dates are another immersion's.
    const overlap = await addImmersion(immersion({ start: addDays(today, -35) }));
    expect(overlap.status).toBe(422);
    expect(overlap.body.message).toMatch(/Une autre immersion/);
    // Closed by the fact, not by hand.
    const p10 = await milestone(personId, 'P10');
    const byHand = await t.request<ApiError>('PATCH', `/api/pathways/milestones/${p10?.id}`, {
      cookie: hr,
      body: { doneOn: null },
    });
    expect(byHand.status).toBe(422);
    expect(byHand.body.message).toMatch(/immersion/);
  });

  it('closes P11 when HR validates the project, « validé le … par … », and reopens it when withdrawn', async () => {
    const put = (validatedOn: string | null) =>
      t.request<JobSearch & ApiError>('PUT', `/api/pathways/${personId}/project`, {
        cookie: hr,
        body: {
          targetJobs: 'Gardienne d’immeuble ; agent de médiation bailleur',
          sector: 'Logement social',
          steps: 'Immersion chez Est Habitat\nCandidatures aux postes de gardien',
          validatedOn,
        },
      });
    const draft = await put(null);
    expect(draft.status).toBe(200);
    expect(draft.body.project).toMatchObject({ validatedOn: null, validatedByName: null });
    expect((await milestone(personId, 'P11'))?.doneOn).toBeNull();

    const validated = await put(addDays(today, -2));
    expect(validated.status).toBe(200);
    expect(validated.body.project).toMatchObject({
      validatedOn: addDays(today, -2),
      validatedByName: expect.stringMatching(/\S+ \S+/),
    });
    expect((await milestone(personId, 'P11'))?.doneOn).toBe(addDays(today, -2));

    const future = await put(addDays(today, 1));
    expect(future.status).toBe(422);
    expect(fields(future.body)).toEqual(['validatedOn']);

    expect((await put(null)).status).toBe(200);
    expect((await milestone(personId, 'P11'))?.doneOn).toBeNull();
    expect((await put(today)).status).toBe(200);
    expect((await milestone(personId, 'P11'))?.doneOn).toBe(today);
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'professional_project.save' AND entity_id = $1`,
      [personId],
    );
    expect(audit.n).toBe(4);
  });

  it('lets a mediator add and update their own applications, never another person’s, nor a career action', async () => {
    const mine = await t.request<JobSearch & ApiError>(
      'POST',
      `/api/pathways/${mediatorId}/applications`,
      {
        cookie: mediator,
        body: {
          employerId: null,
          employerName: 'Mairie du 14e',
          position: 'Agent d’accueil',
          contract: 'CDD',
          sentOn: addDays(today, -3),
        },
      },
    );
    expect(mine.status).toBe(201);
    expect(mine.body.canApply).toBe(true);
    expect(mine.body.canManage).toBe(false);
    const added = mine.body.applications.find((a) => a.employerName === 'Mairie du 14e');
    expect(added).toMatchObject({ status: 'ENVOYEE', statusOn: addDays(today, -3) });

    const updated = await t.request<JobSearch & ApiError>(
      'PATCH',
      `/api/pathways/applications/${added?.id}`,
      { cookie: mediator, body: { status: 'ENTRETIEN', statusOn: today } },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.applications.find((a) => a.id === added?.id)).toMatchObject({
      status: 'ENTRETIEN',
      statusOn: today,
    });
    const beforeSending = await t.request<ApiError>(
      'PATCH',
      `/api/pathways/applications/${added?.id}`,
      { cookie: mediator, body: { status: 'REFUSEE', statusOn: addDays(today, -4) } },
    );
    expect(beforeSending.status).toBe(422);
    expect(fields(beforeSending.body)).toEqual(['statusOn']);

    // Someone else's: neither added nor updated.
    const body = {
      employerId: partnerId,
      employerName: null,
      position: 'Gardienne',
      contract: 'CDI',
      sentOn: today,
    };
    const other = await t.request<ApiError>('POST', `/api/pathways/${personId}/applications`, {
      cookie: mediator,
      body,
    });
    expect(other.status).toBe(403);
    const byHr = await t.request<JobSearch>('POST', `/api/pathways/${personId}/applications`, {
      cookie: hr,
      body,
    });
    expect(byHr.status).toBe(201);
    const theirs = byHr.body.applications[0];
    expect(theirs.employerName).toBe('Bailleur social Est Habitat');
    const touch = await t.request<ApiError>('PATCH', `/api/pathways/applications/${theirs.id}`, {
      cookie: mediator,
      body: { status: 'ACCEPTEE', statusOn: today },
    });
    expect(touch.status).toBe(403);
    expect(touch.body.message).toMatch(/parcours/);
    // A manager reads the pathway of their site, but does not write applications.
    const managerWrite = await t.request<ApiError>(
      'POST',
      `/api/pathways/${personId}/applications`,
      { cookie: manager, body },
    );
    expect(managerWrite.status).toBe(403);
    expect(managerWrite.body.message).toMatch(/candidatures/);
    const managerRead = await t.request<JobSearch>('GET', `/api/pathways/${personId}/job-search`, {
      cookie: manager,
    });
    expect(managerRead.status).toBe(200);
    expect(managerRead.body).toMatchObject({ canManage: false, canApply: false });

    // Career actions: HR writes, the mediator only reads.
    const action = {
      kind: 'CPF',
      title: 'Permis B',
      provider: null,
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      hours: null,
      funding: null,
      status: 'ENVISAGEE',
    };
    const refused = await t.request<ApiError>(
      'POST',
      `/api/pathways/${mediatorId}/career-actions`,
      { cookie: mediator, body: action },
    );
    expect(refused.status).toBe(403);
    const recorded = await t.request<JobSearch>(
      'POST',
      `/api/pathways/${mediatorId}/career-actions`,
      { cookie: hr, body: action },
    );
    expect(recorded.status).toBe(201);
    const read = await t.request<JobSearch>('GET', `/api/pathways/${mediatorId}/job-search`, {
      cookie: mediator,
    });
    expect(read.body.careerActions.map((a) => a.title)).toContain('Permis B');
    const seeded = read.body.careerActions.find((a) => a.kind === 'CPF' && a.title !== 'Permis B');
    const change = await t.request<ApiError>(
      'PATCH',
      `/api/pathways/career-actions/${seeded?.id}`,
      { cookie: mediator, body: { ...action, status: 'ABANDONNEE' } },
    );
    expect(change.status).toBe(403);
  });

  it('seeds the demo mediator’s job search: a validated project, an immersion, two applications, a CPF action', async () => {
    const read = await t.request<JobSearch>('GET', `/api/pathways/${mediatorId}/job-search`, {
      cookie: hr,
    });
    expect(read.body.project?.validatedOn).not.toBeNull();
    expect(read.body.immersions).toHaveLength(1);
    expect(read.body.immersions[0].isDone).toBe(true);
    expect(read.body.careerActions.some((a) => a.kind === 'CPF')).toBe(true);
    const partners = await t.request<PartnerEmployer[]>('GET', '/api/partner-employers', {
      cookie: manager,
    });
    expect(partners.body.map((p) => p.name)).toEqual(
      expect.arrayContaining(['CPAM de Paris', 'Mairie du 18e arrondissement']),
    );
    const p = await pathway(mediatorId);
    expect(p.milestones.find((m) => m.code === 'P10')?.doneOn).toBe(read.body.immersions[0].end);
    expect(p.milestones.find((m) => m.code === 'P11')?.doneOn).toBe(read.body.project?.validatedOn);
  });

  it('refuses a partner employer’s duplicate name, whatever its case, with a French 409', async () => {
    const duplicate = await t.request<ApiError>('POST', '/api/partner-employers', {
      cookie: hr,
      body: partnerBody('  bailleur SOCIAL est habitat '),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe(
      'Un employeur partenaire s’appelle déjà « Bailleur social Est Habitat » : modifiez celui-ci plutôt que d’en créer un second.',
    );
    const other = await t.request<PartnerEmployer>('POST', '/api/partner-employers', {
      cookie: hr,
      body: partnerBody('Régie de quartier'),
    });
    expect(other.status).toBe(201);
    const renamed = await t.request<ApiError>('PATCH', `/api/partner-employers/${other.body.id}`, {
      cookie: hr,
      body: partnerBody('CPAM DE PARIS'),
    });
    expect(renamed.status).toBe(409);
    const kept = await t.request<PartnerEmployer>(
      'PATCH',
      `/api/partner-employers/${other.body.id}`,
      { cookie: hr, body: { ...partnerBody('Régie de quartier'), note: 'Chantier d’insertion' } },
    );
    expect(kept.status).toBe(200);
    expect(kept.body.note).toBe('Chantier d’insertion');
    const byMediator = await t.request<ApiError>('GET', '/api/partner-employers', {
      cookie: mediator,
    });
    expect(byMediator.status).toBe(403);
  });

  it.each([
    ['POST', 'immersions', { objective: 'STAGE' }, 'objective'],
    ['POST', 'immersions', { start: '2027-02-30' }, 'start'],
    ['POST', 'immersions', { employerId: 'pas-un-id' }, 'employerId'],
    ['POST', 'immersions', { tutorName: '   ' }, 'tutorName'],
    ['POST', 'immersions', { prescriber: 'POLE_EMPLOI' }, 'prescriber'],
    ['POST', 'applications', { contract: 'STAGE' }, 'contract'],
    ['POST', 'applications', { sentOn: 'hier' }, 'sentOn'],
    ['POST', 'career-actions', { hours: -3 }, 'hours'],
    ['POST', 'career-actions', { kind: 'DIF' }, 'kind'],
    ['PUT', 'project', { targetJobs: 'x'.repeat(501) }, 'targetJobs'],
    ['PUT', 'project', { isAdmin: true }, 'isAdmin'],
  ] as const)('%s %s with %j: a French 400 naming « %s »', async (method, what, bad, field) => {
    const valid: Record<string, Record<string, unknown>> = {
      immersions: immersion(),
      applications: {
        employerId: null,
        employerName: 'Mairie',
        position: 'Agent',
        contract: 'CDI',
        sentOn: today,
      },
      'career-actions': {
        kind: 'BILAN_COMPETENCES',
        title: 'Bilan',
        provider: null,
        plannedStart: null,
        plannedEnd: null,
        actualStart: null,
        actualEnd: null,
        hours: 24,
        funding: null,
        status: 'DEMANDEE',
      },
      project: { targetJobs: 'Agent', sector: null, steps: null, validatedOn: null },
    };
    const response = await t.request<ApiError>(method, `/api/pathways/${personId}/${what}`, {
      cookie: hr,
      body: { ...valid[what], ...bad },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^Requête invalide — « /);
    expect(fields(response.body)).toContain(field);
  });

  it('refuses an application without an employer, or with both, and an unknown partner', async () => {
    const post = (body: Record<string, unknown>) =>
      t.request<ApiError>('POST', `/api/pathways/${personId}/applications`, {
        cookie: hr,
        body: { position: 'Agent', contract: 'CDI', sentOn: today, ...body },
      });
    const neither = await post({ employerId: null, employerName: null });
    expect(neither.status).toBe(422);
    expect(neither.body.message).toMatch(/l’un ou l’autre/);
    const both = await post({ employerId: partnerId, employerName: 'Mairie' });
    expect(both.status).toBe(422);
    const unknown = await post({
      employerId: '00000000-0000-4000-8000-000000000000',
      employerName: null,
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(['employerId']);
    expect(unknown.body.message).toMatch(/Employeur partenaire inconnu/);
  });
});
