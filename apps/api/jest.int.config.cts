/** Integration tests: the real application against real PostgreSQL and embedded PGlite. */
module.exports = {
  displayName: 'api-int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        diagnostics: { ignoreCodes: [151002] },
      },
    ],
  },
  moduleNameMapper: {
    '^content-disposition$': '<rootDir>/test/support/content-disposition.cjs',
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 120000,
};
