// The Jest setup every Node project shares (ts-jest on the project's tsconfig.spec.json), so each
// jest.config.cts only says what is its own.
const { join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '../..');

/**
 * @param {string} projectDir the project's folder (`__dirname` of its jest.config.cts)
 * @param {string} displayName
 * @param {Record<string, unknown>} [extra] options of this project alone
 */
function nodeProjectConfig(projectDir, displayName, extra = {}) {
  return {
    displayName,
    // Jest resolves a preset relative to rootDir; an absolute path would be taken for a package.
    preset: relative(projectDir, join(workspaceRoot, 'jest.preset.js')),
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': [
        'ts-jest',
        {
          tsconfig: '<rootDir>/tsconfig.spec.json',
          diagnostics: { ignoreCodes: [151002] },
        },
      ],
    },
    moduleFileExtensions: ['ts', 'js', 'html'],
    coverageDirectory: join(
      workspaceRoot,
      'coverage',
      relative(workspaceRoot, projectDir),
    ),
    ...extra,
  };
}

module.exports = { nodeProjectConfig };
