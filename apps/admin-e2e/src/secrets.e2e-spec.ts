import { DOUBLE_KEY, uniqueDimensions, uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { modelRows } from './support/ui';

// Every test's API answers are searched for the key (the `apiBodies` fixture); this one reads them all.
test('never sends a provider secret to the browser', async ({
  page,
  data,
  apiBodies,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  const modelName = uniqueName('E2E Embed Small');
  await data.embeddingModel(modelName, connection.id, uniqueDimensions());

  await page.goto(`/models?q=${encodeURIComponent(modelName)}`);
  await expect(modelRows(page).first()).toBeVisible();
  // The model's dialog loads its connection, with the key masked.
  await page
    .getByRole('button', { name: `Edit ${modelName}`, exact: true })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  for (const [label, table] of [
    ['Providers', 'providers-table'],
    ['Knowledge bases', 'kb-table'],
    ['Audit log', 'audit-table'],
    ['Users & keys', 'users-table'],
  ] as const) {
    await page.getByRole('link', { name: label }).click();
    await expect(page.getByTestId(table)).toBeVisible();
  }
  await page.waitForLoadState('networkidle');

  const bodies = await apiBodies.all();
  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) expect(body).not.toContain(DOUBLE_KEY);
});
