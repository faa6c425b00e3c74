// Records each Jest run's totals so tools/scripts/test-summary.mjs can print one line for the whole
// `npm test` (lint, unit and integration runs are separate Jest processes).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** @implements {Pick<import('@jest/reporters').Reporter, 'onRunComplete'>} */
class SummaryReporter {
  /** @param {import('@jest/types').Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  /**
   * @param {Set<import('@jest/reporters').TestContext>} _contexts
   * @param {import('@jest/reporters').AggregatedResult} results
   */
  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const name = `${this.rootDir.replace(/[^A-Za-z0-9]+/g, '_')}-${process.pid}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        rootDir: this.rootDir,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
