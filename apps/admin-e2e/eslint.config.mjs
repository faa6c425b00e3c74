import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Playwright reads a fixture's dependencies from its destructured first argument: `async ({}, use)`.
    files: ['src/support/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
];
