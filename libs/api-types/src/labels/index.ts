// One French label per enum value: screens (the French dictionary) and exports read the same words.
export * from './activities';
export * from './contract-types';
export * from './exits';
export * from './job-search';
export * from './obligations';
export * from './people';
export * from './training';
