const { nodeProjectConfig } = require('../../tools/jest/node-project.cjs');

module.exports = nodeProjectConfig(__dirname, 'api', {
  // @fastify/static loads the ESM-only content-disposition, which Jest cannot require (see the stand-in).
  moduleNameMapper: {
    '^content-disposition$': '<rootDir>/jest/content-disposition.cjs',
  },
});
