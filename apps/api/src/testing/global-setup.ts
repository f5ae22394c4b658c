import { randomBytes } from 'node:crypto';
import { TEMPLATE_PREFIX_ENV } from './test-database';

/** Names this run's template databases (see `test-database.ts`); nothing to do on PGlite. */
export default function globalSetup(): void {
  if (!process.env['DATABASE_URL']) return;
  process.env[TEMPLATE_PREFIX_ENV] = `relais_template_${randomBytes(6).toString('hex')}`;
}
