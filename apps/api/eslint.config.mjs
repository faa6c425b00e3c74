import { join } from 'node:path';
import baseConfig from '../../eslint.config.mjs';
import { localRules } from '../../tools/eslint-plugin/index.mjs';

// test/ is its own project (api-int) with its own config.
export default [
  ...baseConfig,
  { ignores: ['test/**'] },
  {
    // Feature modules depend one way; shared pieces live in src/common.
    files: ['src/modules/**/*.ts'],
    plugins: { local: localRules },
    rules: {
      'local/no-feature-cycles': [
        'error',
        {
          featuresRoot: join(import.meta.dirname, 'src/modules'),
          // TEMPORARY (issue #16): registry <-> kb-dependency ends when kb-dependency implements
          // registry's retirement-guard port; delete this line when that lands.
          allowPairs: [['registry', 'kb-dependency']],
        },
      ],
    },
  },
];
