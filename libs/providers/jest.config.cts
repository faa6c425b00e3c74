const { nodeProjectConfig } = require('../../tools/jest/node-project.cjs');

module.exports = nodeProjectConfig(__dirname, 'providers');
