// `npm test`: lint, the OpenAPI document's lint, unit tests, integration tests (PostgreSQL when
// DATABASE_URL is set, PGlite always) and the admin app's browser tests, then one closing line with the
// totals of every Jest and Playwright run.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const resultsDir = resolve('tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });
const env = {
  ...process.env,
  TEST_RESULTS_DIR: resultsDir,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
};

let failedStep = null;
try {
  execSync('npx prettier --check .', { stdio: 'inherit', env });
  // The Nx cache would skip unchanged test runs, and then their tests would not be counted. `typecheck`
  // checks the scripts of tools/ and bench/ (JavaScript with JSDoc types); `openapi-lint` lints the API's
  // OpenAPI document and type-checks a client generated from it.
  execSync(
    'npx nx run-many -t lint typecheck openapi-lint test int-test --skip-nx-cache --parallel=2 --output-style=stream',
    { stdio: 'inherit', env },
  );
} catch {
  failedStep = 'formatting, lint or tests';
}
try {
  // Browser tests: the built admin app in the system Chromium against the built API (apps/admin-e2e,
  // @playwright/test; its reporter records the totals in TEST_RESULTS_DIR like the Jest runs).
  execSync('npx nx run admin-e2e:e2e --output-style=stream', {
    stdio: 'inherit',
    env,
  });
} catch {
  failedStep = failedStep ? `${failedStep}, browser tests` : 'browser tests';
}

const runs = existsSync(resultsDir)
  ? readdirSync(resultsDir).map((f) =>
      JSON.parse(readFileSync(join(resultsDir, f), 'utf8')),
    )
  : [];
const total = runs.reduce(
  (sum, r) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
  }),
  { passed: 0, failed: 0 },
);
console.log('');
console.log(`Tests: ${total.passed} passed, ${total.failed} failed`);
if (failedStep) console.error(`npm test failed: ${failedStep} (see above).`);
process.exit(failedStep || total.failed > 0 || total.passed === 0 ? 1 : 0);
