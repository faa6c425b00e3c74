import baseConfig, { moduleBoundaries } from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // The integration tests boot the api from its own factories and config (an app, not a library), so
      // they reach into apps/api/src by relative path; every other import obeys the tags.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ...moduleBoundaries,
          allow: [...moduleBoundaries.allow, '../src/**', '../../src/**'],
        },
      ],
    },
  },
];
