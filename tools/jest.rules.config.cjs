const { join } = require('node:path');

/**
 * The workspace's ESLint rules. They are ES modules run as written, without the preset's ts-jest
 * transform, so Jest needs --experimental-vm-modules; the reporter feeds `npm test`'s closing line.
 */
module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  transform: {},
  moduleFileExtensions: ['mjs', 'cjs', 'js'],
  reporters: ['default', join(__dirname, 'jest/summary-reporter.cjs')],
};
