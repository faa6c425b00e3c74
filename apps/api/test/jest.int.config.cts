/** Integration tests: the real application against real PostgreSQL and embedded PGlite. */
module.exports = {
  displayName: 'api-int',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.json',
        diagnostics: { ignoreCodes: [151002] },
      },
    ],
  },
  // @fastify/static loads the ESM-only content-disposition, which Jest cannot require (see the stand-in).
  moduleNameMapper: {
    '^content-disposition$': '<rootDir>/../jest/content-disposition.cjs',
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 120000,
};
