import { uniqueDimensions, uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { modelRows } from './support/ui';

// The viewer signs in through the login page.
test.use({ storageState: { cookies: [], origins: [] } });

test('shows a viewer everything read-only, with no write control', async ({
  page,
  data,
  capture,
}) => {
  const viewer = {
    email: `${uniqueName('viewer').replace(/ /g, '-')}@e2e.local`,
    password: 'read-only-browser-pass-4',
  };
  await data.user({ ...viewer, role: 'viewer', displayName: 'Vera Viewer' });
  const connection = await data.connection(uniqueName('E2E double'));
  const modelName = uniqueName('E2E Embed Small');
  await data.embeddingModel(modelName, connection.id, uniqueDimensions());

  await page.goto('/login');
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/models/);
  await expect(page.getByTestId('user-role')).toHaveText(/viewer/);
  await expect(modelRows(page).first()).toBeVisible();
  await capture('17-viewer-models');
  const writeControls = [
    '[data-testid="add-model"]',
    '[data-testid="import-models"]',
    'mat-slide-toggle',
    '[data-testid^="default-"]',
    '[data-testid^="actions-"]',
    'mat-checkbox',
  ];
  for (const selector of writeControls)
    await expect(page.locator(selector)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users & keys' })).toHaveCount(0);
  for (const [path, label] of [
    ['providers', 'Providers'],
    ['knowledge-bases', 'Knowledge bases'],
    ['audit', 'Audit log'],
  ] as const) {
    await page.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`/${path}`));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-write]:not([disabled])')).toHaveCount(0);
    // Also by what the buttons say, in case one was never marked data-write.
    await expect(
      page.getByRole('button', {
        name: /^(Add|Delete|Edit|Rotate|Reconcile|Import|Test)\b/,
      }),
    ).toHaveCount(0);
    await capture(`18-viewer-${path}`);
  }
  // The admin-only page is not there for a viewer, even typed in.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/models/);
  // Reading a model opens it without a way to save.
  await page.getByTestId('search').fill(modelName);
  await page
    .getByRole('button', { name: `View ${modelName}`, exact: true })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('save-model')).toHaveCount(0);
  await expect(dialog.getByTestId('test-connection')).toHaveCount(0);
});
