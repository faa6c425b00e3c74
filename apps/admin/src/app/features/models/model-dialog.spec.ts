import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { of } from 'rxjs';
import type { Model, ProviderConnection } from '@llm-registry/contracts';
import { ProvidersApi } from '../providers/providers.api';
import { ModelDialog, type ModelDialogData } from './model-dialog';
import { ModelsApi } from './models.api';

describe('ModelDialog', () => {
  let fixture: ComponentFixture<ModelDialog>;
  let loader: HarnessLoader;
  /** The saved connections the API answers for any provider. */
  let saved: ProviderConnection[];
  const list = jest.fn(() =>
    of({ items: saved, total: saved.length, page: 1, pageSize: 200 }),
  );

  async function open(data: ModelDialogData = {}): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ModelDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
        { provide: ProvidersApi, useValue: { list } },
        {
          provide: ModelsApi,
          useValue: {
            tests: () => of({ items: [], total: 0, page: 1, pageSize: 5 }),
          },
        },
      ],
    });
    fixture = TestBed.createComponent(ModelDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function connectionsAnswer(): Promise<void> {
    await fixture.whenStable();
  }

  const fieldKeys = (section: string) =>
    Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        `[data-testid="${section}"] [data-field]`,
      ),
    ).map((el) => el.getAttribute('data-field'));

  const input = (key: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(
      `input[data-field="${key}"]`,
    );

  async function pickType(label: string): Promise<void> {
    await (
      await loader.getHarness(MatButtonToggleHarness.with({ text: label }))
    ).check();
  }

  async function providerSelect(): Promise<MatSelectHarness> {
    return loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="provider"]' }),
    );
  }

  async function providerOptions(): Promise<string[]> {
    const select = await providerSelect();
    await select.open();
    const options = await Promise.all(
      (await select.getOptions()).map((o) => o.getText()),
    );
    await select.close();
    return options;
  }

  beforeEach(() => {
    saved = [];
    list.mockClear();
  });

  it('offers only the providers serving the chosen type', async () => {
    await open({ type: 'rerank' });
    expect(await providerOptions()).toEqual([
      'Cohere',
      'AWS Bedrock',
      'OpenAI-compatible server',
    ]);
    await pickType('Embedding');
    expect(await providerOptions()).not.toContain('Anthropic');
    await pickType('Generation');
    expect(await providerOptions()).toContain('Anthropic');
  });

  it("shows only the type's params for the chosen provider, and a new connection with that provider's fields", async () => {
    await open({ type: 'rerank' });
    await (await providerSelect()).clickOptions({ text: 'Cohere' });
    await connectionsAnswer();
    expect(list).toHaveBeenLastCalledWith(
      expect.objectContaining({ provider: 'cohere' }),
    );
    expect(fieldKeys('params')).toEqual(['top_n', 'max_documents']);
    // Cohere has no saved connection: a new one is offered, with Cohere's fields, the key masked.
    expect(fieldKeys('new-connection')).toEqual([
      'connectionName',
      'baseUrl',
      'apiKey',
    ]);
    expect(input('apiKey')?.type).toBe('password');
    expect(input('baseUrl')?.placeholder).toBe('https://api.cohere.com');

    await pickType('Generation');
    await connectionsAnswer();
    expect(fieldKeys('params')).toEqual([
      'context_window',
      'max_output_tokens',
      'temperature',
      'top_p',
      'top_k',
    ]);
    expect(input('temperature')?.getAttribute('max')).toBe('1');
  });

  it('drops the provider when the new type is one it does not serve', async () => {
    await open({ type: 'generation' });
    await (await providerSelect()).clickOptions({ text: 'Anthropic' });
    await connectionsAnswer();
    expect(fieldKeys('params')).toContain('temperature');
    await pickType('Embedding');
    await fixture.whenStable();
    expect(await (await providerSelect()).getValueText()).toBe('');
    expect(fieldKeys('params')).toEqual([]);
  });

  it("uses the provider's environment variable names in environment mode", async () => {
    await open({ type: 'embedding' });
    await (await providerSelect()).clickOptions({ text: 'OpenAI' });
    await connectionsAnswer();
    const radio = (
      fixture.nativeElement as HTMLElement
    ).querySelector<HTMLInputElement>('mat-radio-button[value="env"] input');
    radio?.click();
    await fixture.whenStable();
    expect(fieldKeys('new-connection')).toEqual([
      'connectionName',
      'baseUrl',
      'api_key_env',
      'organization',
    ]);
    expect(input('api_key_env')?.value).toBe('OPENAI_API_KEY');
  });

  it('opens a saved model read-only for viewers, its params filled in and nothing to save', async () => {
    const model = {
      id: 'm1',
      name: 'Embed',
      type: 'embedding',
      provider: 'openai',
      providerConnectionId: 'c1',
      modelName: 'text-embedding-3-small',
      description: null,
      endpoint: null,
      params: { dimensions: 1536 },
      capabilities: [],
      status: 'active',
      deprecation: null,
      isDefault: false,
      priority: 10,
      scope: 'global',
      owner: null,
      inputPricePerMillion: null,
      outputPricePerMillion: null,
      lastTest: null,
      healthCheck: null,
      proxySync: null,
      createdAt: '',
      updatedAt: '',
      version: 1,
    } satisfies Model;
    await open({ model, readOnly: true });
    await connectionsAnswer();
    expect(input('dimensions')?.value).toBe('1536');
    expect(input('dimensions')?.disabled).toBe(true);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="save-model"]')).toBeNull();
    expect(el.querySelector('[data-testid="test-connection"]')).toBeNull();
  });
});
