import { uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { choose, expectSnack } from './support/ui';

test('manages users and API keys, showing a new key once', async ({
  page,
  capture,
}) => {
  const email = `${uniqueName('viewer').replace(/ /g, '-')}@e2e.local`;
  const keyName = uniqueName('search-service').replace(/ /g, '-');
  await page.goto('/models');
  await page.getByRole('link', { name: 'Users & keys' }).click();
  await expect(page).toHaveURL(/\/users/);
  await expect(
    page.getByTestId('users-table').locator('tr.mat-mdc-row').first(),
  ).toBeVisible();
  await capture('14-users');
  await page.getByTestId('add-user').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Email')).toBeVisible();
  await capture('23-create-user-dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Display name').fill('Vera Viewer');
  await choose(page, dialog.getByTestId('user-role'), 'viewer');
  await dialog.getByLabel('Password').fill('read-only-browser-pass-4');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expectSnack(page, /Vera Viewer created/);
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'API keys' }).click();
  await page.getByTestId('add-key').click();
  const keyDialog = page.getByRole('dialog');
  await keyDialog.getByLabel('Name').fill(keyName);
  await keyDialog.getByRole('button', { name: 'Create key' }).click();
  const secret = keyDialog.getByTestId('secret-value');
  await expect(secret).toHaveText(/^llmr_/);
  const key = (await secret.textContent()) ?? '';
  await capture('15-api-key-once');
  await keyDialog.getByRole('button', { name: 'Done' }).click();
  await expect(keyDialog).toBeHidden();
  await expect(
    page.getByTestId('keys-table').locator('tr', { hasText: keyName }),
  ).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);
  await capture('16-api-keys');
});
