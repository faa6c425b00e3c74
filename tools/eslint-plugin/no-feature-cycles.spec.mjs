import { afterAll } from '@jest/globals';
import { RuleTester } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { noFeatureCycles } from './no-feature-cycles.mjs';

// Feature folders on disk: a <-> b; c -> d -> e -> c; f <-> g through import() and require(); h alone.
const base = mkdtempSync(join(tmpdir(), 'feature-cycles-'));
const root = join(base, 'modules');
/** @type {Record<string, string>} */
const files = {
  'a/a.ts': "import { b } from '../b/b';\nexport const a = b;",
  'b/b.ts': "import { a } from '../a/a';\nexport const b = a;",
  'c/c.ts': "import { d } from '../d/d';\nexport const c = d;",
  'd/d.ts': "import { e } from '../e/e';\nexport const d = e;",
  // A regex holding a quote before the re-export: a quick scanner would lose the import after it.
  'e/e.ts': "export const quote = /\"/;\nexport { c as e } from '../c/c';",
  'f/f.ts':
    "export type F = string;\nexport const load = () => import('../g/g');",
  'g/g.ts': "export const f = require('../f/f');",
  'h/h.ts': 'export const h = 1;',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}
afterAll(() => rmSync(base, { recursive: true, force: true }));

const options = [{ featuresRoot: root }];
/** @param {string} path */
const at = (path) => join(root, path);
/** @param {Record<string, string>} data */
const cycle = (data) => [{ messageId: 'cycle', data }];

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run(
  'no-feature-cycles',
  noFeatureCycles,
  {
    valid: [
      {
        name: 'an import of a feature that never imports back',
        filename: at('a/x.ts'),
        code: "import { h } from '../h/h';",
        options,
      },
      {
        name: 'an import inside the same feature',
        filename: at('a/x.ts'),
        code: "import { a } from './a';",
        options,
      },
      {
        name: 'a file outside the feature folders',
        filename: join(base, 'main.ts'),
        code: "import { a } from './modules/a/a';",
        options,
      },
      {
        name: 'a pair allowed on purpose',
        filename: at('a/x.ts'),
        code: "import { b } from '../b/b';",
        options: [{ featuresRoot: root, allowPairs: [['b', 'a']] }],
      },
    ],
    invalid: [
      {
        name: 'a back-and-forth import',
        filename: at('a/x.ts'),
        code: "import { b } from '../b/b';",
        options,
        errors: [
          {
            message:
              "Feature 'a' imports 'b', which leads back to 'a' (b/b.ts → a/a). Move what both need to common/, or invert one direction with a port.",
          },
        ],
      },
      {
        name: 'a longer cycle, found through a file a quick scanner misreads',
        filename: at('c/x.ts'),
        code: "export { d } from '../d/d';",
        options,
        errors: cycle({
          from: 'c',
          to: 'd',
          chain: 'd/d.ts → e/e, e/e.ts → c/c',
        }),
      },
      {
        name: 'a cycle closed by require()',
        filename: at('f/x.ts'),
        code: "export * from '../g/g';",
        options,
        errors: cycle({ from: 'f', to: 'g', chain: 'g/g.ts → f/f' }),
      },
      {
        name: 'a cycle closed by import(), reported on a type import',
        filename: at('g/x.ts'),
        code: "type F = import('../f/f').F;",
        options,
        errors: cycle({ from: 'g', to: 'f', chain: 'f/f.ts → g/g' }),
      },
    ],
  },
);
