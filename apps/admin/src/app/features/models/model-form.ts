import { FormBuilder, FormGroup, Validators } from '@angular/forms';
import {
  DESCRIPTION_MAX_LENGTH,
  GLOBAL_SCOPE,
  HEALTH_CHECK_LIMITS,
  MODEL_NAME_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PRICE_PER_MILLION_LIMITS,
  PRIORITY_LIMITS,
  SCOPE_PATTERN,
  type Model,
  type ModelCapability,
  type ModelType,
  type ProviderId,
} from '@llm-registry/contracts';
import {
  connectionGroup,
  paramsGroup,
  type CredentialMode,
  type DynamicGroup,
} from '../../core/catalog/catalog-form';

const fb = new FormBuilder().nonNullable;

export type ConnectionMode = 'existing' | 'new';

const emptyGroup = (): DynamicGroup => new FormGroup({}) as DynamicGroup;

/**
 * The model dialog's form: type first, then a provider serving it, a saved or new connection, and that
 * pair's params. What is fixed once the model exists (type, provider, scope) is disabled when editing.
 */
export function buildModelForm(model?: Model, initialType?: ModelType) {
  const editing = model !== undefined;
  const type = model?.type ?? initialType ?? 'embedding';
  const provider: ProviderId | '' = model?.provider ?? '';
  return fb.group({
    type: fb.control<ModelType>({ value: type, disabled: editing }),
    provider: fb.control<ProviderId | ''>(
      { value: provider, disabled: editing },
      Validators.required,
    ),
    connectionMode: fb.control<ConnectionMode>('existing'),
    providerConnectionId: fb.control(model?.providerConnectionId ?? ''),
    connectionName: fb.control(''),
    credentialMode: fb.control<CredentialMode>('key'),
    connection: provider
      ? connectionGroup(provider, { mode: 'key' })
      : emptyGroup(),
    name: fb.control(model?.name ?? '', [
      Validators.required,
      Validators.maxLength(NAME_MAX_LENGTH),
    ]),
    modelName: fb.control(model?.modelName ?? '', [
      Validators.required,
      Validators.maxLength(MODEL_NAME_MAX_LENGTH),
    ]),
    description: fb.control(
      model?.description ?? '',
      Validators.maxLength(DESCRIPTION_MAX_LENGTH),
    ),
    scope: fb.control(
      { value: model?.scope ?? GLOBAL_SCOPE, disabled: editing },
      [Validators.required, Validators.pattern(SCOPE_PATTERN)],
    ),
    priority: fb.control<number>(model?.priority ?? 100, [
      Validators.required,
      Validators.min(PRIORITY_LIMITS.min),
      Validators.max(PRIORITY_LIMITS.max),
    ]),
    capabilities: fb.control<ModelCapability[]>(model?.capabilities ?? []),
    inputPricePerMillion: fb.control<number | null>(
      model?.inputPricePerMillion ?? null,
      Validators.min(PRICE_PER_MILLION_LIMITS.min),
    ),
    outputPricePerMillion: fb.control<number | null>(
      model?.outputPricePerMillion ?? null,
      Validators.min(PRICE_PER_MILLION_LIMITS.min),
    ),
    healthCheckEnabled: fb.control(model?.healthCheck != null),
    intervalMinutes: fb.control<number>(
      model?.healthCheck?.intervalMinutes ?? 60,
      [
        Validators.required,
        Validators.min(HEALTH_CHECK_LIMITS.minIntervalMinutes),
        Validators.max(HEALTH_CHECK_LIMITS.maxIntervalMinutes),
      ],
    ),
    dailyCap: fb.control<number>(model?.healthCheck?.dailyCap ?? 24, [
      Validators.required,
      Validators.min(HEALTH_CHECK_LIMITS.minDailyCap),
      Validators.max(HEALTH_CHECK_LIMITS.maxDailyCap),
    ]),
    params: provider
      ? paramsGroup(provider, type, model?.params)
      : emptyGroup(),
  });
}

export type ModelForm = ReturnType<typeof buildModelForm>;
export type ModelFormValue = ReturnType<ModelForm['getRawValue']>;

/** New params for the type and provider; values typed so far survive when the param still exists. */
export function rebuildParams(form: ModelForm): void {
  const { type, provider } = form.getRawValue();
  const previous = form.controls.params.getRawValue();
  const group = provider ? paramsGroup(provider, type) : emptyGroup();
  for (const [key, control] of Object.entries(group.controls)) {
    if (previous[key] !== undefined && previous[key] !== '')
      control.setValue(previous[key]);
  }
  form.setControl('params', group);
}

/** A saved connection must be picked, or a new one named; the inline fields count only for a new one. */
export function applyConnectionMode(form: ModelForm, readOnly: boolean): void {
  const c = form.controls;
  const mode = c.connectionMode.value;
  c.connectionName.setValidators(
    mode === 'new'
      ? [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]
      : [],
  );
  c.providerConnectionId.setValidators(
    mode === 'existing' ? [Validators.required] : [],
  );
  c.connectionName.updateValueAndValidity();
  c.providerConnectionId.updateValueAndValidity();
  syncConnectionGroup(form, readOnly);
}

/** The inline connection's fields count only while a new connection is being created. */
export function syncConnectionGroup(form: ModelForm, readOnly: boolean): void {
  const group = form.controls.connection;
  if (form.controls.connectionMode.value === 'new' && !readOnly)
    group.enable({ emitEvent: false });
  else group.disable({ emitEvent: false });
  form.updateValueAndValidity({ emitEvent: false });
}
