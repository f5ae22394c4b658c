import { dropTemplates, TEMPLATE_PREFIX_ENV } from './test-database';

/** Drops the template databases this run made (see `test-database.ts`). */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  const prefix = process.env[TEMPLATE_PREFIX_ENV];
  if (serverUrl && prefix) await dropTemplates(serverUrl, prefix);
}
