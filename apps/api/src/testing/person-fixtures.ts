import type { PersonSummary } from '@relais/api-types';
import type { TestApp } from './test-app';

export interface NewPerson {
  id: string;
  /** Session cookie of the person's own account. */
  cookie: string;
}

/**
 * A person of a site with a contract and an account of their own, created as HR does it
 * (person, contract, invitation, password chosen), then signed in.
 */
export async function newPersonWithAccount(
  t: TestApp,
  hrCookie: string,
  options: {
    lastName: string;
    homeSiteId: string;
    role?: 'mediator' | 'manager' | 'hr';
    contract: { start: string; end?: string; weeklyHours: number };
  },
): Promise<NewPerson> {
  const email = `${options.lastName.toLowerCase()}@relais.test`;
  const created = await t.request<PersonSummary>('POST', '/api/people', {
    cookie: hrCookie,
    body: {
      firstName: 'Inès',
      lastName: options.lastName,
      email,
      homeSiteId: options.homeSiteId,
      role: options.role ?? 'mediator',
    },
  });
  if (created.status !== 201) throw new Error(`person: ${JSON.stringify(created.body)}`);
  const { end, ...contract } = options.contract;
  const signed = await t.request('POST', '/api/contracts', {
    cookie: hrCookie,
    body: end
      ? { personId: created.body.id, type: 'CDD', reason: 'temporary_increase', end, ...contract }
      : { personId: created.body.id, type: 'CDI', ...contract },
  });
  if (signed.status !== 201) throw new Error(`contract: ${JSON.stringify(signed.body)}`);
  const link = await t.request<{ url: string }>(
    'POST',
    `/api/people/${created.body.id}/invitation`,
    { cookie: hrCookie },
  );
  const token = link.body.url.split('/').pop() as string;
  const password = 'un-mot-de-passe-solide';
  const accepted = await t.request('POST', '/api/auth/accept-link', { body: { token, password } });
  if (accepted.status !== 204) throw new Error(`invitation: ${JSON.stringify(accepted.body)}`);
  return { id: created.body.id, cookie: await t.login(email, password) };
}
