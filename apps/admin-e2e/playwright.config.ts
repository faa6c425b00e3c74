import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (`.ci/run` installs it); nothing is downloaded. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM))
  throw new Error(
    `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH.`,
  );

/** Browser tests: the built admin app in the system Chromium against the built API. */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e-spec.ts',
  outputDir: resolve(__dirname, '../../dist/admin-e2e/test-results'),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Each worker starts its own registry; on a busy two-core machine one at a time is faster than two
  // (`--workers=2` works too: the tests share nothing).
  workers: 1,
  forbidOnly: !!process.env['CI'],
  // A flake is a bug to fix, not a run to repeat.
  retries: 0,
  reporter: [['list'], ['./src/support/results-reporter.ts']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // A laptop screen; reduced motion, which Angular Material honours by switching its animations off,
    // so nothing is caught mid-fade (a user who asks for it gets the same).
    viewport: { width: 1366, height: 850 },
    reducedMotion: 'reduce',
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
  },
});
