import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); nothing is downloaded. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../../../dist/screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A laptop screen. */
export const VIEWPORT = { width: 1366, height: 850 };

/**
 * Every page the tests open: a laptop screen, and reduced motion, which Angular Material honours by
 * switching its animations off, so nothing is caught mid-fade (a user who asks for it gets the same).
 */
export function newBrowserContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
}

export type Theme = 'light' | 'dark';

/**
 * Switches the theme the way a user does, with the app's own toggle (so its icon and stored choice
 * follow); the login page has no toggle, so there the class is set directly.
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  const dark = theme === 'dark';
  await page.evaluate((wanted) => {
    const root = document.documentElement;
    if (root.classList.contains('dark-theme') === wanted) return;
    const toggle = document.querySelector<HTMLElement>(
      '[data-testid="theme-toggle"]',
    );
    if (toggle) toggle.click();
    else root.classList.toggle('dark-theme', wanted);
  }, dark);
  await page.waitForFunction(
    (wanted) =>
      document.documentElement.classList.contains('dark-theme') === wanted,
    dark,
  );
  await settle(page);
}

/**
 * Waits until every finite animation and transition has ended: a snackbar or tooltip caught half
 * transparent blends into the page, and axe then measures colours nobody sees for long.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter(
          (animation) =>
            animation.effect?.getComputedTiming().endTime !== Infinity,
        )
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page; serious and critical violations fail, in the words axe uses. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  // A dialog that just closed hands aria-hidden back from the page a moment later (under load, after the
  // next click): wait for that to settle. A page that stays hidden is still measured, and fails.
  await page
    .waitForFunction(
      () =>
        document.querySelector('mat-dialog-container') !== null ||
        document.querySelector(
          ':root > [aria-hidden="true"], body > [aria-hidden="true"]',
        ) === null,
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
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

/** Screenshots in both themes, each checked with axe; leaves the page in the light theme. */
export async function capture(
  page: Page,
  name: string,
  options: { a11y?: boolean; fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A tooltip fading out under the pointer is half transparent: move away and let it go first.
  await page.mouse.move(0, 0);
  await page
    .locator('.mat-mdc-tooltip-panel')
    .waitFor({ state: 'detached', timeout: 3000 })
    .catch(() => undefined);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    if (options.a11y !== false) await checkA11y(page, `${name} (${theme})`);
    await page.screenshot({
      path: join(SCREENSHOTS, `${name}-${theme}.png`),
      fullPage: options.fullPage ?? false,
    });
  }
  await setTheme(page, 'light');
}

/** Waits until the locator's text matches. */
export async function waitForText(
  locator: Locator,
  pattern: RegExp,
  timeout = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.count())
      ? ((await locator.first().textContent()) ?? '')
      : '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`text ${JSON.stringify(last)} never matched ${pattern}`);
}

/** Picks an option of a mat-select. */
export async function choose(
  page: Page,
  select: Locator,
  option: string | RegExp,
): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
  // The options' panel closes; a dialog's own backdrop, if any, stays.
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The snackbar's message, once one shows `pattern`. */
export async function snack(page: Page, pattern: RegExp): Promise<string> {
  return waitForText(page.locator('mat-snack-bar-container'), pattern);
}
