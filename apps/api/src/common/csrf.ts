import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from './http-exception.filter';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CROSS_SITE_REFUSED =
  'Requête refusée : elle vient d’un autre site que Relais (protection contre la falsification de requêtes).';

/**
 * Why a state-changing request must be refused as cross-site, or null when it may go on.
 *
 * OWASP's "Fetch Metadata" and "Verifying Origin with standard headers" defences, without a
 * token: browsers send `Sec-Fetch-Site` (and `Origin`) on every write, and a page of another site
 * cannot forge them. `same-origin` and `none` (typed by the user) pass; `same-site` and
 * `cross-site` are refused. Older browsers without Fetch Metadata are judged by `Origin`, which
 * must name this server's host. A request with neither header does not come from a browser page,
 * so it carries no ambient cookie to abuse (scripts, curl, the tests) and passes.
 */
export function crossSiteRefusal(request: {
  method: string;
  host: string;
  headers: FastifyRequest['headers'];
}): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') {
    return fetchSite === 'same-origin' || fetchSite === 'none' ? null : CROSS_SITE_REFUSED;
  }
  const origin = request.headers['origin'];
  if (typeof origin !== 'string') return null;
  if (origin === 'null') return CROSS_SITE_REFUSED;
  try {
    return new URL(origin).host === request.host ? null : CROSS_SITE_REFUSED;
  } catch {
    return CROSS_SITE_REFUSED;
  }
}

/** Refuses cross-site writes to the API with a French 403 before any route runs. */
export function registerCrossSiteGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const refusal = crossSiteRefusal(request);
    if (refusal) await reply.status(403).send(apiError(403, refusal));
  });
}
