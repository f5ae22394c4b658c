export * from './lib/violation';
