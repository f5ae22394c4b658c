import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

// Used by the TypeORM CLI (`npm run migration:generate`), always against a real server.
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL est requis pour la CLI des migrations.');

export default new DataSource(dataSourceOptions(url));
