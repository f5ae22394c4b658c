module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // Unit specs and integration specs (real HTTP, real PostgreSQL) run together in `npm test`.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  // Each integration file boots the app on its own database (PGlite cold start ≈ 5 s).
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/apps/api',
};
