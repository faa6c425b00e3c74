import { join } from 'node:path';
import baseConfig from '../../eslint.config.mjs';
import { localRules } from '../../tools/eslint-plugin/index.mjs';

const ENTITY_MANAGER =
  "[typeAnnotation.typeAnnotation.typeName.name='EntityManager']";
const FROM_CONTEXT =
  'Transactions come from the async context: use TransactionHost (database/transactions.ts), not a manager passed by hand.';

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
        },
      ],
    },
  },
  {
    // Only src/database deals in managers; everything else gets its manager from TransactionHost.tx.
    files: ['src/**/*.ts'],
    ignores: ['src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:function > Identifier.params${ENTITY_MANAGER}`,
          message: FROM_CONTEXT,
        },
        {
          selector: `:function > AssignmentPattern.params > Identifier.left${ENTITY_MANAGER}`,
          message: FROM_CONTEXT,
        },
        {
          selector: `TSParameterProperty > Identifier.parameter${ENTITY_MANAGER}`,
          message: FROM_CONTEXT,
        },
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: FROM_CONTEXT,
        },
      ],
    },
  },
];
