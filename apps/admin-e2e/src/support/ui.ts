import { expect, type Locator, type Page } from '@playwright/test';

/** Picks an option of a mat-select. */
export async function choose(
  page: Page,
  select: Locator,
  option: string | RegExp,
): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
  // The options' panel closes; a dialog's own backdrop, if any, stays.
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Waits for a snackbar saying `pattern`. */
export async function expectSnack(page: Page, pattern: RegExp): Promise<void> {
  await expect(page.locator('mat-snack-bar-container').first()).toHaveText(
    pattern,
  );
}

/** The models table's data rows. */
export function modelRows(page: Page): Locator {
  return page.getByTestId('models-table').locator('tr.mat-mdc-row');
}
