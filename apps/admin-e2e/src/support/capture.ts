import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { checkA11y } from './a11y';

export const SCREENSHOTS = resolve(__dirname, '../../../../dist/screenshots');

export type Theme = 'light' | 'dark';

export interface CaptureOptions {
  a11y?: boolean;
  fullPage?: boolean;
}

/**
 * Switches the theme the way a user does, with the app's own toggle (so its icon and stored choice
 * follow); the login page has no toggle, so there the class is set directly.
 */
async function setTheme(page: Page, theme: Theme): Promise<void> {
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
  const root = expect(page.locator('html'));
  await (dark ? root : root.not).toHaveClass(/\bdark-theme\b/);
  await settle(page);
}

/**
 * Waits until every finite animation and transition has ended: a snackbar or tooltip caught half
 * transparent blends into the page, and axe then measures colours nobody sees for long.
 */
async function settle(page: Page): Promise<void> {
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

/** Screenshots in both themes, each checked with axe; leaves the page in the light theme. */
export async function capture(
  page: Page,
  name: string,
  options: CaptureOptions = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A tooltip fading out under the pointer is half transparent: move away and let it go first.
  await page.mouse.move(0, 0);
  await expect(page.locator('.mat-mdc-tooltip-panel')).toHaveCount(0);
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
