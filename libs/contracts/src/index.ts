export * from './lib/activity-code';
export * from './lib/auth';
export * from './lib/contract-type';
export * from './lib/location-kind';
export * from './lib/organisation';
export * from './lib/people';
export * from './lib/rota';
export * from './lib/violation';
