export * from './lib/rules';
