import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  AuditEventPage,
  KnowledgeBaseWithModels,
  Model,
  Page as ListPage,
} from '@llm-registry/contracts';
import {
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import {
  capture,
  choose,
  launchChromium,
  newBrowserContext,
  snack,
  VIEWPORT,
  waitForText,
} from './support/browser';
import { ADMIN, startRegistry, type Registry } from './support/registry';

/** The double's key: it must never reach the browser, only its masked hint. */
const DOUBLE_KEY = 'sk-e2e-double-secret-9f3c';
// 384 dimensions: no seeded model has that size, so nothing can take over its knowledge bases at first.
const EMBEDDING = { id: 'e2e-embed-small', dimensions: 384 };
const MODEL_NAME = 'E2E Embed Small';
const KB = { id: 'e2e-support-faq', name: 'E2E support FAQ' };
const REPLACEMENT_NAME = 'E2E Embed Small v2';
const VIEWER = {
  email: 'viewer@e2e.local',
  password: 'read-only-browser-pass-4',
};

describe('admin app in Chromium', () => {
  let registry: Registry;
  let double: ProviderDouble;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Uncaught errors in the app. */
  const pageErrors: string[] = [];
  /** Every API body the browser received, to look for secrets in. */
  const bodies: string[] = [];

  beforeAll(async () => {
    // Started together; whatever did start is stopped in afterAll even when another part failed.
    const [started, doubled, launched] = await Promise.allSettled([
      startRegistry(),
      // An OpenAI-compatible server whose embedding model always answers 384-long vectors.
      startProviderDouble('openai_compatible', {
        apiKey: DOUBLE_KEY,
        models: [
          {
            id: EMBEDDING.id,
            kind: 'embedding',
            embeddingLength: EMBEDDING.dimensions,
            contextWindow: 8192,
          },
          { id: 'e2e-chat-mini', kind: 'chat', contextWindow: 32768 },
        ],
      }),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') registry = started.value;
    if (doubled.status === 'fulfilled') double = doubled.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const result of [started, doubled, launched])
      if (result.status === 'rejected') throw result.reason;
    context = await newBrowserContext(browser);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watch(page);
  });

  /** Collects the page's uncaught errors and every API body it receives. */
  function watch(watched: Page): void {
    watched.on('pageerror', (error) => pageErrors.push(error.message));
    watched.on('response', (response) => {
      if (response.url().includes('/api/'))
        response.text().then(
          (text) => bodies.push(text),
          () => undefined,
        );
    });
  }

  // A step that failed with a dialog open must not take the next steps down with it.
  afterEach(async () => {
    for (
      let i = 0;
      i < 3 && (await page?.locator('mat-dialog-container').count());
      i++
    )
      await page.keyboard.press('Escape');
  });

  afterAll(async () => {
    await browser?.close();
    await double?.close();
    await registry?.stop();
  });

  const modelByName = async (name: string): Promise<Model> => {
    const list = await registry.api<ListPage<Model>>(
      'GET',
      `/api/v1/admin/models?q=${encodeURIComponent(name)}`,
    );
    const model = list.body.items.find((m) => m.name === name);
    if (!model) throw new Error(`no model named ${name}`);
    return model;
  };

  it('signs in on the login page', async () => {
    await page.goto(`${registry.base}/models`);
    await page.waitForURL(/\/login/);
    await capture(page, '01-login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page.getByRole('alert'), /Wrong email or password/);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/models/);
    await waitForText(page.getByTestId('user-role'), /admin/);
    await page
      .getByTestId('models-table')
      .locator('tr.mat-mdc-row')
      .first()
      .waitFor();
    await capture(page, '02-models');
  });

  it('adds an embedding model with a new connection, testing the draft before saving', async () => {
    await page.getByTestId('add-model').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('type-embedding').click();
    await choose(
      page,
      dialog.getByTestId('provider'),
      'OpenAI-compatible server',
    );
    await dialog.getByTestId('connection-new').click();
    await dialog.locator('[data-field="connectionName"]').fill('E2E double');
    await dialog.locator('[data-field="baseUrl"]').fill(double.baseUrl);
    await dialog.locator('[data-field="apiKey"]').fill(DOUBLE_KEY);
    await dialog.locator('[data-field="name"]').fill(MODEL_NAME);
    await dialog.locator('[data-field="modelName"]').fill(EMBEDDING.id);
    // Only embedding params are offered, from the catalogue.
    await dialog.locator('[data-field="dimensions"]').waitFor();
    expect(await dialog.locator('[data-field="temperature"]').count()).toBe(0);
    await dialog
      .locator('[data-field="dimensions"]')
      .fill(String(EMBEDDING.dimensions));
    await capture(page, '03-add-model-dialog');

    await dialog.getByTestId('test-connection').click();
    const passed = await waitForText(
      dialog.getByTestId('test-result'),
      /Passed/,
    );
    expect(passed).toMatch(/\d+ ms/);
    expect(passed).toMatch(/384 dimensions/);
    await capture(page, '04-test-passed');

    // The provider starts answering vectors of another size than the model promises: the test says so.
    double.behaviour = 'wrong_dimensions';
    await dialog.getByTestId('test-connection').click();
    const failed = await waitForText(
      dialog.getByTestId('test-result'),
      /Failed/,
    );
    expect(failed).toMatch(/Wrong dimensions/);
    expect(failed).toMatch(/expected 384, got 192/);
    await capture(page, '05-test-wrong-dimensions');
    double.behaviour = 'ok';

    await dialog.getByTestId('save-model').click();
    await snack(page, new RegExp(`${MODEL_NAME} added`));
    await dialog.waitFor({ state: 'detached' });
    const model = await modelByName(MODEL_NAME);
    expect(model).toMatchObject({
      type: 'embedding',
      provider: 'openai_compatible',
      params: { dimensions: EMBEDDING.dimensions },
    });
  });

  it('shows server validation errors on the matching fields', async () => {
    await page.getByTestId('add-model').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('type-embedding').click();
    await choose(
      page,
      dialog.getByTestId('provider'),
      'OpenAI-compatible server',
    );
    await choose(page, dialog.getByTestId('connection-select'), /E2E double/);
    // The same name in the same scope: the API refuses it on the name field.
    await dialog.locator('[data-field="name"]').fill(MODEL_NAME);
    await dialog.locator('[data-field="modelName"]').fill(EMBEDDING.id);
    await dialog
      .locator('[data-field="dimensions"]')
      .fill(String(EMBEDDING.dimensions));
    await dialog.getByTestId('save-model').click();
    await waitForText(dialog.getByTestId('form-error'), /.+/);
    // The API's field error sits on the name field itself.
    await waitForText(
      dialog.locator('mat-error'),
      /already used in scope global/i,
    );
    await capture(page, '06-server-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('sets the new model as the default embedding model with one click', async () => {
    await page.getByTestId('tab-embedding').click();
    await page.getByTestId(`default-${MODEL_NAME}`).click();
    await snack(page, /is now the default embedding model/);
    expect((await modelByName(MODEL_NAME)).isDefault).toBe(true);
    await page
      .locator(`[data-testid="default-${MODEL_NAME}"][aria-pressed="true"]`)
      .waitFor();
    await capture(page, '07-models-embedding-default');
  });

  it('switches tabs and filters, with counts per tab', async () => {
    await page.getByTestId('tab-generation').click();
    await page.waitForURL(/type=generation/);
    await page
      .getByTestId('models-table')
      .locator('tr.mat-mdc-row')
      .first()
      .waitFor();
    expect(
      await page.getByTestId('models-table').getByText(MODEL_NAME).count(),
    ).toBe(0);
    await page.getByTestId('tab-all').click();
    await choose(
      page,
      page.getByTestId('filter-provider'),
      'OpenAI-compatible server',
    );
    await page.waitForURL(/provider=openai_compatible/);
    await page.getByTestId('search').fill('e2e embed');
    await page.waitForURL(/q=e2e/);
    await waitForText(page.getByTestId('count-all'), /^1$/);
    // No inactive model matches: the table says so, and how to get out of it.
    await choose(page, page.getByTestId('filter-status'), 'inactive');
    await page.waitForURL(/status=inactive/);
    await waitForText(page.getByTestId('count-all'), /^0$/);
    await waitForText(page.locator('ui-empty-state'), /No models match/i);
    await capture(page, '08-models-filtered-empty');
    await choose(page, page.getByTestId('filter-status'), 'active');
    await waitForText(page.getByTestId('count-all'), /^1$/);
    await waitForText(page.getByTestId('models-table'), new RegExp(MODEL_NAME));
    await capture(page, '08-models-filtered-active');
  });

  it('refuses to delete a model a knowledge base uses, then reassigns it to a replacement', async () => {
    const model = await modelByName(MODEL_NAME);
    const bound = await registry.api(
      'PUT',
      `/api/v1/knowledge-bases/${KB.id}`,
      {
        name: KB.name,
        embeddingModelId: model.id,
      },
    );
    expect(bound.status).toBe(201);

    const openDelete = async () => {
      await page.goto(
        `${registry.base}/models?type=embedding&q=${encodeURIComponent('E2E Embed')}`,
      );
      await page.getByTestId(`actions-${MODEL_NAME}`).click();
      await page.getByTestId(`delete-${MODEL_NAME}`).click();
      const dialog = page.getByRole('dialog');
      await waitForText(dialog.getByTestId('dependents'), new RegExp(KB.name));
      return dialog;
    };

    // Nothing else returns 384 dimensions: the dialog explains why it cannot be deleted.
    let dialog = await openDelete();
    await waitForText(
      dialog.getByTestId('cannot-delete'),
      /cannot be deleted yet.*384 dimensions/s,
    );
    expect(await dialog.getByTestId('confirm-delete').isDisabled()).toBe(true);
    await capture(page, '09-delete-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A model of the same size appears: it is offered, and takes the knowledge base over.
    const replacement = await registry.api<Model>(
      'POST',
      '/api/v1/admin/models',
      {
        name: REPLACEMENT_NAME,
        type: 'embedding',
        provider: 'openai_compatible',
        providerConnectionId: model.providerConnectionId,
        modelName: EMBEDDING.id,
        params: { dimensions: EMBEDDING.dimensions },
        status: 'active',
      },
    );
    expect(replacement.status).toBe(201);
    dialog = await openDelete();
    await choose(
      page,
      dialog.getByTestId('replacement'),
      new RegExp(REPLACEMENT_NAME),
    );
    await capture(page, '10-delete-reassign');
    await dialog.getByTestId('confirm-delete').click();
    await snack(
      page,
      new RegExp(
        `${MODEL_NAME} deleted. Its knowledge bases now use ${REPLACEMENT_NAME}`,
      ),
    );
    const kbs = await registry.api<ListPage<KnowledgeBaseWithModels>>(
      'GET',
      `/api/v1/admin/knowledge-bases?q=${KB.id}`,
    );
    expect(kbs.body.items[0]?.embeddingModelId).toBe(replacement.body.id);

    await page.getByRole('link', { name: 'Knowledge bases' }).click();
    await waitForText(
      page.getByTestId('kb-table'),
      new RegExp(`${KB.name}.*${REPLACEMENT_NAME}`, 's'),
    );
    await capture(page, '11-knowledge-bases');
  });

  it('shows every step in the audit log', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/audit/);
    const table = page.getByTestId('audit-table');
    await waitForText(table, /model\.default_changed/);
    const text = (await table.textContent()) ?? '';
    // Every step above, newest first: the delete with its hand-over, the binding, the default, the
    // model, its connection, the draft tests (passed and failed), the sign-in.
    for (const action of [
      'model.deleted',
      'knowledge_base.created',
      'model.created',
      'provider.created',
      'connection_test.requested',
      'connection_test.completed',
      'auth.login_succeeded',
    ])
      expect(text).toContain(action);
    await waitForText(page.getByTestId('verify-status'), /Chain intact/);
    // The newest event is the delete: its diff shows the knowledge base moved to the replacement.
    await page.getByTestId('audit-row').first().click();
    const detail = page.getByTestId('audit-detail').first();
    await waitForText(detail, /knowledgeBases\.embeddingModelId/);
    expect(await detail.textContent()).toContain(KB.id);
    await capture(page, '12-audit', { fullPage: true });

    // Filtered to the knowledge base's events.
    await page.getByLabel('Entity id').fill(KB.id);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="audit-row"]').length === 1,
    );
    await waitForText(table, /knowledge_base\.created/);

    // The export is the same trail, with the chain's columns, as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = await new Promise<string>((resolve, reject) => {
      download
        .createReadStream()
        .then((stream) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
          stream.on('error', reject);
        })
        .catch(reject);
    });
    expect(csv.split('\n')[0]).toMatch(/seq.*prevHash/i);
    expect(csv).toContain('knowledge_base.created');
    await page.getByRole('button', { name: 'Reset' }).click();
    const audit = await registry.api<AuditEventPage>(
      'GET',
      '/api/v1/admin/audit-events?action=model.*',
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'model.created',
        'model.default_changed',
        'model.deleted',
      ]),
    );
  });

  it('lists provider connections with masked secrets', async () => {
    await page.getByRole('link', { name: 'Providers' }).click();
    await page.waitForURL(/\/providers/);
    const row = page
      .getByTestId('providers-table')
      .locator('tr', { hasText: 'E2E double' });
    await waitForText(row, /sk-…9f3c|…9f3c/);
    await capture(page, '13-providers');
  });

  it('adds connections in a dialog built from the catalogue', async () => {
    await page.getByTestId('add-connection').click();
    const dialog = page.getByRole('dialog');
    await choose(
      page,
      dialog.getByTestId('connection-provider'),
      'OpenAI-compatible server',
    );
    await dialog.locator('[data-field="baseUrl"]').waitFor();
    await capture(page, '20-connection-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('imports models from a connection, marking those already registered', async () => {
    await page
      .getByRole('button', { name: 'Import models offered by E2E double' })
      .click();
    const dialog = page.getByRole('dialog');
    await waitForText(dialog, /e2e-chat-mini/);
    await capture(page, '21-import-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('guards a connection in use: its models are listed, and a pinned embedding model refuses to move', async () => {
    const backup = await registry.api<{ id: string }>(
      'POST',
      '/api/v1/admin/providers',
      {
        name: 'E2E double backup',
        provider: 'openai_compatible',
        baseUrl: double.baseUrl,
        apiKey: DOUBLE_KEY,
      },
    );
    expect(backup.status).toBe(201);
    await page.reload();
    await page
      .getByRole('button', { name: 'Actions for E2E double', exact: true })
      .click();
    await page.getByRole('menuitem', { name: /Delete/ }).click();
    const dialog = page.getByRole('dialog');
    await waitForText(
      dialog.getByTestId('connection-models'),
      new RegExp(REPLACEMENT_NAME),
    );
    await choose(
      page,
      dialog.getByTestId('connection-replacement'),
      /E2E double backup/,
    );
    await dialog.getByTestId('confirm-delete-connection').click();
    // The knowledge base's index was built through this connection: the model stays, and so does it.
    await waitForText(
      dialog.getByTestId('move-failures'),
      /pinned by knowledge bases|cannot change while/,
    );
    await capture(page, '22-delete-connection-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const replacement = await modelByName(REPLACEMENT_NAME);
    const kept = await registry.api(
      'GET',
      `/api/v1/admin/providers/${replacement.providerConnectionId}`,
    );
    expect(kept.status).toBe(200);
  });

  it('manages users and API keys, showing a new key once', async () => {
    await page.getByRole('link', { name: 'Users & keys' }).click();
    await page.waitForURL(/\/users/);
    await page
      .getByTestId('users-table')
      .locator('tr.mat-mdc-row')
      .first()
      .waitFor();
    await capture(page, '14-users');
    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').waitFor();
    await capture(page, '23-create-user-dialog');
    await dialog.getByLabel('Email').fill(VIEWER.email);
    await dialog.getByLabel('Display name').fill('Vera Viewer');
    await choose(page, dialog.getByTestId('user-role'), 'viewer');
    await dialog.getByLabel('Password').fill(VIEWER.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await snack(page, /Vera Viewer created/);
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByTestId('add-key').click();
    const keyDialog = page.getByRole('dialog');
    await keyDialog.getByLabel('Name').fill('search-service');
    await keyDialog.getByRole('button', { name: 'Create key' }).click();
    const key = await waitForText(
      keyDialog.getByTestId('secret-value'),
      /^llmr_/,
    );
    await capture(page, '15-api-key-once');
    await keyDialog.getByRole('button', { name: 'Done' }).click();
    await page
      .getByTestId('keys-table')
      .locator('tr', { hasText: 'search-service' })
      .waitFor();
    expect(await page.getByText(key).count()).toBe(0);
    await capture(page, '16-api-keys');
  });

  it('fits a small laptop screen, the navigation folding into a menu below 1024 px', async () => {
    await page.getByRole('link', { name: 'Models' }).click();
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1000, height: 700 },
    ]) {
      await page.setViewportSize(viewport);
      await page
        .getByTestId('models-table')
        .locator('tr.mat-mdc-row')
        .first()
        .waitFor();
      await page.waitForTimeout(300);
      // The page never scrolls sideways; a wide table scrolls inside its frame.
      const overflow = await page.evaluate(
        () =>
          document.documentElement.scrollWidth -
          document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Providers' }).click();
    await page.waitForURL(/\/providers/);
    await page.getByTestId('key-status').waitFor();
    await capture(page, '19-small-screen-providers');
    await page.setViewportSize(VIEWPORT);
  });

  it('works from the keyboard: a skip link, dialogs that open with Enter and close with Escape', async () => {
    await page.goto(`${registry.base}/models`);
    await page
      .getByTestId('models-table')
      .locator('tr.mat-mdc-row')
      .first()
      .waitFor();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
    ).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByTestId('add-model').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Focus moves into the dialog, and Escape closes it.
    await page.waitForFunction(
      () => document.activeElement?.closest('[role="dialog"]') != null,
      undefined,
      {
        timeout: 5000,
      },
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows a viewer everything read-only, with no write control', async () => {
    const viewerContext = await newBrowserContext(browser);
    const viewer = await viewerContext.newPage();
    viewer.setDefaultTimeout(20_000);
    watch(viewer);
    try {
      await viewer.goto(`${registry.base}/login`);
      await viewer.getByLabel('Email').fill(VIEWER.email);
      await viewer.getByLabel('Password').fill(VIEWER.password);
      await viewer.getByRole('button', { name: 'Sign in' }).click();
      await viewer.waitForURL(/\/models/);
      await waitForText(viewer.getByTestId('user-role'), /viewer/);
      await viewer
        .getByTestId('models-table')
        .locator('tr.mat-mdc-row')
        .first()
        .waitFor();
      await capture(viewer, '17-viewer-models');
      const writeControls = [
        '[data-testid="add-model"]',
        '[data-testid="import-models"]',
        'mat-slide-toggle',
        '[data-testid^="default-"]',
        '[data-testid^="actions-"]',
        'mat-checkbox',
      ];
      for (const selector of writeControls)
        expect(await viewer.locator(selector).count()).toBe(0);
      expect(
        await viewer.getByRole('link', { name: 'Users & keys' }).count(),
      ).toBe(0);
      for (const [path, label] of [
        ['providers', 'Providers'],
        ['knowledge-bases', 'Knowledge bases'],
        ['audit', 'Audit log'],
      ] as const) {
        await viewer.getByRole('link', { name: label }).click();
        await viewer.waitForURL(new RegExp(`/${path}`));
        await viewer.waitForLoadState('networkidle');
        const enabledWrites = viewer.locator('[data-write]:not([disabled])');
        expect(await enabledWrites.count()).toBe(0);
        // Also by what the buttons say, in case one was never marked data-write.
        const writeButtons = viewer.getByRole('button', {
          name: /^(Add|Delete|Edit|Rotate|Reconcile|Import|Test)\b/,
        });
        expect(await writeButtons.count()).toBe(0);
        await capture(viewer, `18-viewer-${path}`);
      }
      // The admin-only page is not there for a viewer, even typed in.
      await viewer.goto(`${registry.base}/users`);
      await viewer.waitForURL(/\/models/);
      // Reading a model opens it without a way to save.
      await viewer.getByTestId('search').fill(REPLACEMENT_NAME);
      await viewer
        .getByRole('button', { name: `View ${REPLACEMENT_NAME}`, exact: true })
        .first()
        .click();
      const dialog = viewer.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('save-model').count()).toBe(0);
      expect(await dialog.getByTestId('test-connection').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });

  it('raised no uncaught error in the browser', () => {
    expect(pageErrors).toEqual([]);
  });

  it('never sends a provider secret to the browser', () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) expect(body).not.toContain(DOUBLE_KEY);
  });
});
