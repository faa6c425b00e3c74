import {
  DOUBLE_EMBEDDING,
  DOUBLE_KEY,
  uniqueDimensions,
  uniqueName,
} from './support/data';
import { expect, test } from './support/fixtures';
import { choose, expectSnack, modelRows } from './support/ui';

// 384 dimensions: no other test's model has that size.
const DIMENSIONS = 384;

test('adds an embedding model with a new connection, testing the draft before saving', async ({
  page,
  double,
  data,
  capture,
}) => {
  const modelName = uniqueName('E2E Embed Small');
  await page.goto('/models');
  await page.getByTestId('add-model').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('type-embedding').click();
  await choose(
    page,
    dialog.getByTestId('provider'),
    'OpenAI-compatible server',
  );
  await dialog.getByTestId('connection-new').click();
  await dialog
    .locator('[data-field="connectionName"]')
    .fill(uniqueName('E2E double'));
  await dialog.locator('[data-field="baseUrl"]').fill(double.baseUrl);
  await dialog.locator('[data-field="apiKey"]').fill(DOUBLE_KEY);
  await dialog.locator('[data-field="name"]').fill(modelName);
  await dialog.locator('[data-field="modelName"]').fill(DOUBLE_EMBEDDING);
  // Only embedding params are offered, from the catalogue.
  await expect(dialog.locator('[data-field="dimensions"]')).toBeVisible();
  await expect(dialog.locator('[data-field="temperature"]')).toHaveCount(0);
  await dialog.locator('[data-field="dimensions"]').fill(String(DIMENSIONS));
  await capture('03-add-model-dialog');

  const result = dialog.getByTestId('test-result').first();
  await dialog.getByTestId('test-connection').click();
  await expect(result).toHaveText(/Passed/);
  await expect(result).toHaveText(/\d+ ms/);
  await expect(result).toHaveText(/384 dimensions/);
  await capture('04-test-passed');

  // The provider starts answering vectors of another size than the model promises: the test says so.
  double.behaviour = 'wrong_dimensions';
  await dialog.getByTestId('test-connection').click();
  await expect(result).toHaveText(/Failed/);
  await expect(result).toHaveText(/Wrong dimensions/);
  await expect(result).toHaveText(/expected 384, got 192/);
  await capture('05-test-wrong-dimensions');
  double.behaviour = 'ok';

  await dialog.getByTestId('save-model').click();
  await expectSnack(page, new RegExp(`${modelName} added`));
  await expect(dialog).toBeHidden();
  expect(await data.modelByName(modelName)).toMatchObject({
    type: 'embedding',
    provider: 'openai_compatible',
    params: { dimensions: DIMENSIONS },
  });
});

test('shows server validation errors on the matching fields', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  const taken = uniqueName('E2E Embed Small');
  const dimensions = uniqueDimensions();
  await data.embeddingModel(taken, connection.id, dimensions);

  await page.goto('/models');
  await page.getByTestId('add-model').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('type-embedding').click();
  await choose(
    page,
    dialog.getByTestId('provider'),
    'OpenAI-compatible server',
  );
  await choose(
    page,
    dialog.getByTestId('connection-select'),
    new RegExp(connection.name),
  );
  // The same name in the same scope: the API refuses it on the name field.
  await dialog.locator('[data-field="name"]').fill(taken);
  await dialog.locator('[data-field="modelName"]').fill(DOUBLE_EMBEDDING);
  await dialog.locator('[data-field="dimensions"]').fill(String(dimensions));
  await dialog.getByTestId('save-model').click();
  await expect(dialog.getByTestId('form-error').first()).toHaveText(/.+/);
  // The API's field error sits on the name field itself.
  await expect(dialog.locator('mat-error').first()).toHaveText(
    /already used in scope global/i,
  );
  await capture('06-server-error');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('sets the new model as the default embedding model with one click', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  const name = uniqueName('E2E Embed Small');
  await data.embeddingModel(name, connection.id, uniqueDimensions());

  await page.goto(`/models?q=${encodeURIComponent(name)}`);
  await page.getByTestId('tab-embedding').click();
  await page.getByTestId(`default-${name}`).click();
  await expectSnack(page, /is now the default embedding model/);
  expect((await data.modelByName(name)).isDefault).toBe(true);
  await expect(page.getByTestId(`default-${name}`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await capture('07-models-embedding-default');
});

test('switches tabs and filters, with counts per tab', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  const name = uniqueName('E2E Embed Small');
  await data.embeddingModel(name, connection.id, uniqueDimensions());
  const table = page.getByTestId('models-table');

  await page.goto('/models');
  await page.getByTestId('tab-generation').click();
  await expect(page).toHaveURL(/type=generation/);
  await expect(modelRows(page).first()).toBeVisible();
  await expect(table.getByText(name)).toHaveCount(0);
  await page.getByTestId('tab-all').click();
  await choose(
    page,
    page.getByTestId('filter-provider'),
    'OpenAI-compatible server',
  );
  await expect(page).toHaveURL(/provider=openai_compatible/);
  await page.getByTestId('search').fill(name);
  await expect(page).toHaveURL(/q=E2E/);
  await expect(page.getByTestId('count-all')).toHaveText(/^1$/);
  // No inactive model matches: the table says so, and how to get out of it.
  await choose(page, page.getByTestId('filter-status'), 'inactive');
  await expect(page).toHaveURL(/status=inactive/);
  await expect(page.getByTestId('count-all')).toHaveText(/^0$/);
  await expect(page.locator('ui-empty-state').first()).toHaveText(
    /No models match/i,
  );
  await capture('08-models-filtered-empty');
  await choose(page, page.getByTestId('filter-status'), 'active');
  await expect(page.getByTestId('count-all')).toHaveText(/^1$/);
  await expect(table).toHaveText(new RegExp(name));
  await capture('08-models-filtered-active');
});
