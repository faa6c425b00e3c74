import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in the page; serious and critical violations fail, in the words axe uses. Callers wait
 * for a closed dialog to be gone first (`expect(dialog).toBeHidden()`), so the page is no longer hidden.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays on and is tested too.
  if (!hasAxe) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document | Element,
            options: object,
          ) => Promise<{ violations: unknown[] }>;
        };
      }
    ).axe;
    // With a dialog open, the page behind it is inert and dimmed: check the dialog.
    const context = document.querySelector('mat-dialog-container')
      ? (document.querySelector('.cdk-overlay-container') ?? document)
      : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const blocking = violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (blocking.length) {
    const lines = blocking.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
          .join('\n')}`,
    );
    throw new Error(
      `axe found ${blocking.length} serious/critical violation(s) on ${name}:\n${lines.join('\n')}`,
    );
  }
}
