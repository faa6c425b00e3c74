// The LiteLLM double of the integration tests (libs/testing/litellm-double), in a process of
// its own so that the load generator never delays its answers. Adds LATENCY_MS to every call; prints its
// port once listening. GET /__double/calls answers its read and write counts, POST /__double/reset zeroes them.
require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs', moduleResolution: 'node' },
});
const { join } = require('node:path');
const { startLiteLLMDouble } = require(
  join(__dirname, '../../libs/testing/litellm-double/src/index.ts'),
);

startLiteLLMDouble({
  masterKey: process.env.MASTER_KEY,
  latencyMs: Number(process.env.LATENCY_MS ?? 20),
}).then((/** @type {{ url: string, close(): Promise<void> }} */ double) => {
  process.stdout.write(`${new URL(double.url).port}\n`);
  process.on('SIGTERM', () => double.close().then(() => process.exit(0)));
});
