import { HttpErrorResponse } from '@angular/common/http';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import type { Model, ProviderConnection } from '@llm-registry/contracts';
import { Notify } from '../../core/notify';
import { ModelsApi } from '../models/models.api';
import { DeleteConnectionDialog } from './delete-connection-dialog';
import { ProvidersApi } from './providers.api';

const connection = (id: string, name: string): ProviderConnection =>
  ({
    id,
    name,
    provider: 'openai_compatible',
    baseUrl: 'http://vllm:8000/v1',
    credentialSource: 'encrypted',
    secretHint: 'sk-…abcd',
    secretHints: { apiKey: 'sk-…abcd' },
    authEnv: null,
    enabled: true,
    version: 3,
  }) as unknown as ProviderConnection;

const model = (id: string, name: string): Model =>
  ({
    id,
    name,
    modelName: name,
    type: 'generation',
    status: 'active',
    version: 1,
  }) as unknown as Model;

describe('DeleteConnectionDialog', () => {
  let fixture: ComponentFixture<DeleteConnectionDialog>;
  let loader: HarnessLoader;
  const leaving = connection('c-old', 'Old vLLM');
  const other = connection('c-new', 'New vLLM');
  let using: Model[];
  const update = jest.fn();
  const remove = jest.fn(() => of(undefined));
  const close = jest.fn();

  async function open(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [DeleteConnectionDialog],
      providers: [
        provideRouter([]),
        { provide: MAT_DIALOG_DATA, useValue: { connection: leaving } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: Notify, useValue: { success: jest.fn() } },
        {
          provide: ModelsApi,
          useValue: {
            list: () =>
              of({ items: using, total: using.length, page: 1, pageSize: 100 }),
            update,
          },
        },
        {
          provide: ProvidersApi,
          useValue: {
            list: () =>
              of({
                items: [leaving, other],
                total: 2,
                page: 1,
                pageSize: 100,
              }),
            remove,
          },
        },
      ],
    });
    fixture = TestBed.createComponent(DeleteConnectionDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const confirmButton = (root: HTMLElement) =>
    root.querySelector<HTMLButtonElement>(
      '[data-testid="confirm-delete-connection"]',
    );

  async function pickTarget(label: RegExp): Promise<void> {
    const select = await loader.getHarness(
      MatSelectHarness.with({
        selector: '[data-testid="connection-replacement"]',
      }),
    );
    await select.clickOptions({ text: label });
  }

  beforeEach(() => {
    using = [];
    update.mockReset();
    remove.mockClear();
    close.mockClear();
  });

  it('deletes an unused connection at once', async () => {
    const root = await open();
    expect(root.textContent).toContain('No model uses it');
    confirmButton(root)?.click();
    await fixture.whenStable();
    expect(remove).toHaveBeenCalledWith({ id: 'c-old', version: 3 });
    expect(close).toHaveBeenCalledWith(true);
  });

  it('lists the models using it and offers only the provider’s other connections', async () => {
    using = [model('m1', 'Qwen chat'), model('m2', 'Qwen embed')];
    const root = await open();
    expect(
      root.querySelector('[data-testid="connection-models"]')?.textContent,
    ).toMatch(/2 models[\s\S]*Qwen chat[\s\S]*Qwen embed/);
    expect(confirmButton(root)?.disabled).toBe(true);
    const select = await loader.getHarness(
      MatSelectHarness.with({
        selector: '[data-testid="connection-replacement"]',
      }),
    );
    await select.open();
    const options = await Promise.all(
      (await select.getOptions()).map((o) => o.getText()),
    );
    expect(options).toEqual([expect.stringMatching(/^New vLLM/)]);
  });

  it('moves every model, each at the version it was read, then deletes', async () => {
    using = [model('m1', 'Qwen chat'), model('m2', 'Qwen coder')];
    update.mockImplementation(() => of({}));
    const root = await open();
    await pickTarget(/New vLLM/);
    expect(confirmButton(root)?.textContent).toContain(
      'Move models and delete',
    );
    confirmButton(root)?.click();
    await fixture.whenStable();
    expect(update.mock.calls).toEqual([
      ['m1', { providerConnectionId: 'c-new', version: 1 }],
      ['m2', { providerConnectionId: 'c-new', version: 1 }],
    ]);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledWith(true);
  });

  it('keeps the connection when a model refuses to move, and says why', async () => {
    using = [model('m1', 'Qwen chat'), model('m2', 'Bound embed')];
    update.mockImplementation((id: string) =>
      id === 'm2'
        ? throwError(
            () =>
              new HttpErrorResponse({
                status: 409,
                error: {
                  status: 409,
                  title: 'Embedding model pinned',
                  code: 'EMBEDDING_MODEL_PINNED',
                  detail:
                    'providerConnectionId of Bound embed cannot change while 1 knowledge base is indexed with it: register a new model and re-index them instead.',
                },
              }),
          )
        : of({}),
    );
    const root = await open();
    await pickTarget(/New vLLM/);
    confirmButton(root)?.click();
    await fixture.whenStable();
    expect(remove).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(
      root.querySelector('[data-testid="move-failures"]')?.textContent,
    ).toMatch(/1 model\s+could not move[\s\S]*Bound embed cannot change/);
  });
});
