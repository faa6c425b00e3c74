import { expect, test } from './support/fixtures';
import { ADMIN } from './support/registry';
import { modelRows } from './support/ui';

test.use({ storageState: { cookies: [], origins: [] } });

test('signs in on the login page', async ({ page, capture }) => {
  await page.goto('/models');
  await expect(page).toHaveURL(/\/login/);
  await capture('01-login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').first()).toHaveText(
    /Wrong email or password/,
  );
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/models/);
  await expect(page.getByTestId('user-role')).toHaveText(/admin/);
  await expect(modelRows(page).first()).toBeVisible();
  await capture('02-models');
});
