export * from './lib/solver';
