// Records the browser tests' totals beside the Jest runs' (tools/jest/summary-reporter.cjs), so the
// closing line of `npm test` counts them too, and lists each failure with the trace to open.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';

export default class ResultsReporter implements Reporter {
  private rootDir = '';
  private suite: Suite | undefined;
  private errors = 0;
  private readonly failures: string[] = [];

  onBegin(config: FullConfig, suite: Suite): void {
    this.rootDir = config.rootDir;
    this.suite = suite;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus) return;
    const trace = result.attachments.find((a) => a.name === 'trace')?.path;
    this.failures.push(
      [
        `✘ ${test.titlePath().filter(Boolean).join(' › ')} (${result.status})`,
        ...result.errors.map((e) => indent(e.message ?? e.value ?? '')),
        trace
          ? `  trace: npx playwright show-trace ${relative(process.cwd(), trace)}`
          : '  (no trace recorded)',
      ].join('\n'),
    );
  }

  /** Errors outside any test (a worker fixture that failed to start the registry, say). */
  onError(error: TestError): void {
    this.errors += 1;
    this.failures.push(`✘ ${indent(error.message ?? error.value ?? '')}`);
  }

  onEnd(_result: FullResult): void {
    const tests = this.suite?.allTests() ?? [];
    const count = (...outcomes: Array<ReturnType<TestCase['outcome']>>) =>
      tests.filter((t) => outcomes.includes(t.outcome())).length;
    const totals = {
      rootDir: this.rootDir,
      passed: count('expected'),
      failed: count('unexpected', 'flaky') + this.errors,
      skipped: count('skipped'),
    };
    if (this.failures.length)
      console.error(
        `\nBrowser test failures:\n${this.failures.join('\n\n')}\n`,
      );
    const dir = process.env['TEST_RESULTS_DIR'];
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `admin-e2e-${process.pid}.json`),
      JSON.stringify(totals),
    );
  }

  printsToStdio(): boolean {
    return false;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
