import { expect, test } from './support/fixtures';
import { modelRows } from './support/ui';

test('fits a small laptop screen, the navigation folding into a menu below 1024 px', async ({
  page,
  capture,
}) => {
  await page.goto('/models');
  const openNavigation = page.getByRole('button', { name: 'Open navigation' });
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1000, height: 700 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(modelRows(page).first()).toBeVisible();
    // The layout has switched for this width before it is measured.
    await (viewport.width < 1024
      ? expect(openNavigation).toBeVisible()
      : expect(openNavigation).toBeHidden());
    // The page never scrolls sideways; a wide table scrolls inside its frame.
    const overflow = await page.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await openNavigation.click();
  await page.getByRole('link', { name: 'Providers' }).click();
  await expect(page).toHaveURL(/\/providers/);
  await expect(page.getByTestId('key-status')).toBeVisible();
  await capture('19-small-screen-providers');
});

test('works from the keyboard: a skip link, dialogs that open with Enter and close with Escape', async ({
  page,
}) => {
  await page.goto('/models');
  await expect(modelRows(page).first()).toBeVisible();
  const focused = page.locator(':focus');
  await page.keyboard.press('Tab');
  await expect(focused).toHaveText('Skip to content');
  await page.keyboard.press('Enter');
  await expect(focused).toHaveId('main');
  await page.getByTestId('add-model').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // Focus moves into the dialog, and Escape closes it.
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
