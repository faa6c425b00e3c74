import { readFile } from 'node:fs/promises';
import { uniqueDimensions, uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { ADMIN } from './support/registry';

test('shows every step in the audit log', async ({
  page,
  registry,
  data,
  capture,
}) => {
  // The steps an admin takes, through the API: sign in, add a connection, test a draft through it,
  // add a model and make it the default, bind a knowledge base, delete the model onto a replacement.
  await registry.login(ADMIN.email, ADMIN.password);
  const connection = await data.connection(uniqueName('E2E double'));
  const dimensions = uniqueDimensions();
  await data.draftTest(connection.id, dimensions);
  const model = await data.embeddingModel(
    uniqueName('E2E Embed Small'),
    connection.id,
    dimensions,
  );
  await data.makeDefault(model);
  const kbId = uniqueName('e2e-support-faq').replace(/ /g, '-');
  await data.knowledgeBase(kbId, uniqueName('E2E support FAQ'), model.id);
  const replacement = await data.embeddingModel(
    uniqueName('E2E Embed Small v2'),
    connection.id,
    dimensions,
  );
  await data.deleteModel(model, replacement);

  await page.goto('/models');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/audit/);
  const table = page.getByTestId('audit-table');
  await expect(table).toHaveText(/model\.default_changed/);
  // Every step above, newest first: the delete with its hand-over, the binding, the default, the
  // model, its connection, the draft tests, the sign-in.
  for (const action of [
    'model.deleted',
    'knowledge_base.created',
    'model.created',
    'provider.created',
    'connection_test.requested',
    'connection_test.completed',
    'auth.login_succeeded',
  ])
    await expect(table).toContainText(action);
  await expect(page.getByTestId('verify-status')).toHaveText(/Chain intact/);
  // The newest event is the delete: its diff shows the knowledge base moved to the replacement.
  await page.getByTestId('audit-row').first().click();
  const detail = page.getByTestId('audit-detail').first();
  await expect(detail).toHaveText(/knowledgeBases\.embeddingModelId/);
  await expect(detail).toContainText(kbId);
  await capture('12-audit', { fullPage: true });

  // Filtered to the knowledge base's events.
  await page.getByLabel('Entity id').fill(kbId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(table).toHaveText(/knowledge_base\.created/);

  // The export is the same trail, with the chain's columns, as a file.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await readFile(await (await downloading).path(), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/seq.*prevHash/i);
  expect(csv).toContain('knowledge_base.created');
  await page.getByRole('button', { name: 'Reset' }).click();
  expect(await data.auditActions('action=model.*')).toEqual(
    expect.arrayContaining([
      'model.created',
      'model.default_changed',
      'model.deleted',
    ]),
  );
});
