import { DOUBLE_CHAT, uniqueDimensions, uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { choose } from './support/ui';

test('lists provider connections with masked secrets', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  await page.goto('/models');
  await page.getByRole('link', { name: 'Providers' }).click();
  await expect(page).toHaveURL(/\/providers/);
  const row = page
    .getByTestId('providers-table')
    .locator('tr', { hasText: connection.name });
  await expect(row).toHaveText(/sk-…9f3c|…9f3c/);
  await capture('13-providers');
});

test('adds connections in a dialog built from the catalogue', async ({
  page,
  capture,
}) => {
  await page.goto('/providers');
  await page.getByTestId('add-connection').click();
  const dialog = page.getByRole('dialog');
  await choose(
    page,
    dialog.getByTestId('connection-provider'),
    'OpenAI-compatible server',
  );
  await expect(dialog.locator('[data-field="baseUrl"]')).toBeVisible();
  await capture('20-connection-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('imports models from a connection, marking those already registered', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  await page.goto('/providers');
  await page
    .getByRole('button', {
      name: `Import models offered by ${connection.name}`,
    })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(DOUBLE_CHAT);
  await capture('21-import-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('guards a connection in use: its models are listed, and a pinned embedding model refuses to move', async ({
  page,
  registry,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  const dimensions = uniqueDimensions();
  const name = uniqueName('E2E Embed Small v2');
  const model = await data.embeddingModel(name, connection.id, dimensions);
  await data.knowledgeBase(
    uniqueName('e2e-support-faq').replace(/ /g, '-'),
    uniqueName('E2E support FAQ'),
    model.id,
  );
  const backup = await data.connection(uniqueName('E2E double backup'));

  await page.goto('/providers');
  await page
    .getByRole('button', {
      name: `Actions for ${connection.name}`,
      exact: true,
    })
    .click();
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('connection-models').first()).toHaveText(
    new RegExp(name),
  );
  await choose(
    page,
    dialog.getByTestId('connection-replacement'),
    new RegExp(backup.name),
  );
  await dialog.getByTestId('confirm-delete-connection').click();
  // The knowledge base's index was built through this connection: the model stays, and so does it.
  await expect(dialog.getByTestId('move-failures').first()).toHaveText(
    /pinned by knowledge bases|cannot change while/,
  );
  await capture('22-delete-connection-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const kept = await registry.api(
    'GET',
    `/api/v1/admin/providers/${(await data.modelByName(name)).providerConnectionId}`,
  );
  expect(kept.status).toBe(200);
});
