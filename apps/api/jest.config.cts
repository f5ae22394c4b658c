module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // tsconfig.spec.json sets isolatedModules: ts-jest compiles each file alone, without building a
  // type-checked program first (that took most of a short spec's time). The types are checked by
  // the typecheck target (tsc -p tsconfig.spec.json), which `npm test` runs with the tests.
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // Unit specs and integration specs (real HTTP, real PostgreSQL) run together in `npm test`.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Each integration file boots the app on its own database (PGlite cold start ≈ 5 s).
  testTimeout: 60_000,
  // On a real server: names this run's template database, and drops it at the end (see
  // src/testing/test-database.ts).
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  coverageDirectory: '../../coverage/apps/api',
};
