import { uniqueDimensions, uniqueName } from './support/data';
import { expect, test } from './support/fixtures';
import { choose, expectSnack } from './support/ui';

test('refuses to delete a model a knowledge base uses, then reassigns it to a replacement', async ({
  page,
  data,
  capture,
}) => {
  const connection = await data.connection(uniqueName('E2E double'));
  // A size no other model has: nothing can take over the knowledge base at first.
  const dimensions = uniqueDimensions();
  const name = uniqueName('E2E Embed Small');
  const model = await data.embeddingModel(name, connection.id, dimensions);
  const kb = {
    id: uniqueName('e2e-support-faq').replace(/ /g, '-'),
    name: uniqueName('E2E support FAQ'),
  };
  await data.knowledgeBase(kb.id, kb.name, model.id);

  const openDelete = async () => {
    await page.goto(`/models?type=embedding&q=${encodeURIComponent(name)}`);
    await page.getByTestId(`actions-${name}`).click();
    await page.getByTestId(`delete-${name}`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('dependents').first()).toHaveText(
      new RegExp(kb.name),
    );
    return dialog;
  };

  // Nothing else has its dimensions: the dialog explains why it cannot be deleted.
  let dialog = await openDelete();
  await expect(dialog.getByTestId('cannot-delete').first()).toHaveText(
    new RegExp(`cannot be deleted yet.*${dimensions} dimensions`, 's'),
  );
  await expect(dialog.getByTestId('confirm-delete')).toBeDisabled();
  await capture('09-delete-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // A model of the same size appears: it is offered, and takes the knowledge base over.
  const replacementName = uniqueName('E2E Embed Small v2');
  const replacement = await data.embeddingModel(
    replacementName,
    connection.id,
    dimensions,
  );
  dialog = await openDelete();
  await choose(
    page,
    dialog.getByTestId('replacement'),
    new RegExp(replacementName),
  );
  await capture('10-delete-reassign');
  await dialog.getByTestId('confirm-delete').click();
  await expectSnack(
    page,
    new RegExp(
      `${name} deleted. Its knowledge bases now use ${replacementName}`,
    ),
  );
  expect((await data.knowledgeBaseById(kb.id)).embeddingModelId).toBe(
    replacement.id,
  );

  await page.getByRole('link', { name: 'Knowledge bases' }).click();
  await expect(page.getByTestId('kb-table')).toHaveText(
    new RegExp(`${kb.name}.*${replacementName}`, 's'),
  );
  await capture('11-knowledge-bases');
});
