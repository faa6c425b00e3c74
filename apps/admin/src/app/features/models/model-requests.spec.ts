import {
  PROVIDER_CATALOG,
  envReferenceKey,
  type Model,
} from '@llm-registry/contracts';
import { connectionGroup, paramFields } from '../../core/catalog/catalog-form';
import { applyServerErrors } from '../../core/http/problem';
import { buildModelForm, rebuildParams, type ModelForm } from './model-form';
import {
  draftErrorField,
  modelErrorField,
  newConnectionErrorField,
  toCreateModelRequest,
  toDraftTestRequest,
  toNewConnectionRequest,
  toUpdateModelRequest,
} from './model-requests';

const saved: Model = {
  id: 'm1',
  name: 'Embed',
  type: 'embedding',
  provider: 'openai',
  providerConnectionId: 'c1',
  modelName: 'text-embedding-3-small',
  description: 'For search',
  endpoint: null,
  params: { dimensions: 1536 },
  capabilities: [],
  status: 'active',
  deprecation: null,
  isDefault: false,
  priority: 10,
  scope: 'team-a',
  owner: null,
  inputPricePerMillion: 0.02,
  outputPricePerMillion: null,
  lastTest: null,
  healthCheck: { intervalMinutes: 30, dailyCap: 48 },
  proxySync: null,
  createdAt: '',
  updatedAt: '',
  version: 7,
};

/** A new OpenAI embedding model, filled in as an admin would. */
function filledForm(): ModelForm {
  const form = buildModelForm(undefined, 'embedding');
  form.patchValue({
    provider: 'openai',
    name: '  Small embeddings ',
    modelName: ' text-embedding-3-small ',
    description: '   ',
    scope: ' team-a ',
    priority: '20' as unknown as number,
    capabilities: ['json'],
    inputPricePerMillion: '0.5' as unknown as number,
    healthCheckEnabled: true,
    intervalMinutes: '15' as unknown as number,
    dailyCap: 96,
  });
  form.setControl('connection', connectionGroup('openai', { mode: 'key' }));
  rebuildParams(form);
  return form;
}

const params = (form: ModelForm) => {
  const { provider, type } = form.getRawValue();
  return provider ? paramFields(provider, type) : [];
};

describe('model requests', () => {
  it('creates with trimmed texts, numbers as numbers, empty ones as null and the health check', () => {
    const form = filledForm();
    form.controls.params.patchValue({ dimensions: '512' });
    expect(
      toCreateModelRequest(form.getRawValue(), params(form), 'c9'),
    ).toEqual({
      type: 'embedding',
      provider: 'openai',
      scope: 'team-a',
      name: 'Small embeddings',
      providerConnectionId: 'c9',
      modelName: 'text-embedding-3-small',
      description: null,
      // Enum and boolean params start at the catalogue's default, so they are sent too.
      params: { dimensions: 512, distance_metric: 'cosine', normalize: false },
      capabilities: ['json'],
      priority: 20,
      inputPricePerMillion: 0.5,
      outputPricePerMillion: null,
      healthCheck: { intervalMinutes: 15, dailyCap: 96 },
    });
  });

  it('updates without what is fixed at creation, with the version read, and no health check when off', () => {
    const form = buildModelForm(saved);
    form.patchValue({ healthCheckEnabled: false, name: 'Embed v2' });
    expect(
      toUpdateModelRequest(
        form.getRawValue(),
        params(form),
        'c1',
        saved.version,
      ),
    ).toEqual({
      name: 'Embed v2',
      providerConnectionId: 'c1',
      modelName: 'text-embedding-3-small',
      description: 'For search',
      params: { dimensions: 1536, distance_metric: 'cosine', normalize: false },
      capabilities: [],
      priority: 10,
      inputPricePerMillion: 0.02,
      outputPricePerMillion: null,
      healthCheck: null,
      version: 7,
    });
  });

  it.each(PROVIDER_CATALOG.map((spec) => [spec.id, spec] as const))(
    "sends %s's connection fields for a new connection, secrets as values or as environment names",
    (provider, spec) => {
      const form = buildModelForm(undefined, spec.modelTypes[0]);
      form.patchValue({ provider, connectionName: ' Prod ' });
      for (const mode of ['key', 'env'] as const) {
        const group = connectionGroup(provider, { mode });
        for (const key of Object.keys(group.controls))
          group.controls[key]?.setValue(`v-${key}`);
        form.setControl('connection', group);
        form.patchValue({ credentialMode: mode });
        const request = toNewConnectionRequest(form.getRawValue());
        expect(request).toMatchObject({
          name: 'Prod',
          provider,
          enabled: true,
        });
        for (const field of spec.connectionFields) {
          const sent = request as unknown as Record<string, unknown>;
          if (field.secret && mode === 'env') {
            expect(sent[field.key]).toBeUndefined();
            expect(request.authEnv?.[envReferenceKey(field.key)]).toBe(
              `v-${envReferenceKey(field.key)}`,
            );
          } else {
            expect(sent[field.key]).toBe(`v-${field.key}`);
          }
        }
      }
    },
  );

  it('tests a draft with its saved connection, or with the connection being created', () => {
    const form = filledForm();
    form.patchValue({ providerConnectionId: 'c1' });
    expect(toDraftTestRequest(form.getRawValue(), params(form))).toEqual({
      type: 'embedding',
      provider: 'openai',
      modelName: 'text-embedding-3-small',
      params: { distance_metric: 'cosine', normalize: false },
      providerConnectionId: 'c1',
    });
    form.patchValue({ connectionMode: 'new' });
    form.controls.connection.patchValue({ apiKey: 'sk-test' });
    const draft = toDraftTestRequest(form.getRawValue(), params(form));
    expect(draft.providerConnectionId).toBeUndefined();
    expect(draft.connection).toMatchObject({ apiKey: 'sk-test' });
  });
});

describe('model error mapping', () => {
  it("puts a model request's field errors on the controls of the same name, params included", () => {
    const form = filledForm();
    form.controls.params.patchValue({ dimensions: 4096 });
    const unmatched = applyServerErrors(
      form,
      [
        { field: 'name', message: 'is already used in scope team-a' },
        { field: 'params.dimensions', message: 'must be at most 3072' },
        { field: 'healthCheck', message: 'is not allowed' },
      ],
      modelErrorField,
    );
    expect(form.controls.name.errors).toEqual({
      server: 'Is already used in scope team-a',
    });
    expect(form.get('params.dimensions')?.errors).toEqual({
      server: 'Must be at most 3072',
    });
    // No control of that name: it goes to the dialog's general message.
    expect(unmatched).toEqual([
      { field: 'healthCheck', message: 'is not allowed' },
    ]);
  });

  it("puts the inline connection's errors on the connection name and fields", () => {
    const form = filledForm();
    form.setControl('connection', connectionGroup('openai', { mode: 'env' }));
    const unmatched = applyServerErrors(
      form,
      [
        { field: 'name', message: 'is taken' },
        { field: 'authEnv.api_key_env', message: 'is not a variable name' },
        { field: 'region', message: 'is unknown' },
      ],
      newConnectionErrorField,
    );
    expect(form.controls.connectionName.errors).toEqual({ server: 'Is taken' });
    expect(form.get('connection.api_key_env')?.errors).toEqual({
      server: 'Is not a variable name',
    });
    expect(unmatched.map((e) => e.field)).toEqual(['region']);
  });

  it("maps a draft test's connection errors into the inline connection, the rest by name", () => {
    expect(draftErrorField('connection.apiKey')).toBe('connection.apiKey');
    expect(draftErrorField('connection.authEnv.api_key_env')).toBe(
      'connection.api_key_env',
    );
    expect(draftErrorField('modelName')).toBe('modelName');
  });
});
