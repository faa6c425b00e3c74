import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  untracked,
  viewChild,
} from '@angular/core';
import {
  rxResource,
  takeUntilDestroyed,
  toSignal,
} from '@angular/core/rxjs-interop';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { firstValueFrom, map, merge, of, startWith } from 'rxjs';
import {
  HEALTH_CHECK_LIMITS,
  MAX_PAGE_SIZE,
  MODEL_CAPABILITIES,
  MODEL_TYPES,
  PRICE_PER_MILLION_LIMITS,
  PRIORITY_LIMITS,
  getProviderSpec,
  type DraftConnectionTestRequest,
  type Model,
  type ModelType,
  type ProviderConnection,
} from '@llm-registry/contracts';
import {
  DynamicField,
  fieldErrorMessage,
  RelativeTimePipe,
} from '@llm-registry/admin/ui';
import {
  connectionGroupFor,
  paramFields,
  providersServing,
} from '../../core/catalog/catalog-form';
import { connectionLabel } from '../../core/catalog/connection-text';
import { TYPE_TEXT } from '../../core/catalog/model-types';
import { FORM_DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
import { Notify } from '../../core/notify';
import { ConnectionCredentials } from '../providers/connection-credentials';
import { ProvidersApi } from '../providers/providers.api';
import { DraftTestPanel } from './draft-test-panel';
import {
  applyConnectionMode,
  buildModelForm,
  rebuildParams,
  syncConnectionGroup,
} from './model-form';
import {
  draftErrorField,
  modelErrorField,
  newConnectionErrorField,
  toCreateModelRequest,
  toDraftTestRequest,
  toNewConnectionRequest,
  toUpdateModelRequest,
} from './model-requests';
import { ModelsApi } from './models.api';

export interface ModelDialogData {
  /** Editing (or viewing) this model; absent: adding one. */
  model?: Model;
  /** The type to start with when adding. */
  type?: ModelType;
  readOnly?: boolean;
}

/** Add or edit a model: type first, then a provider serving it, a connection, and that pair's params. */
@Component({
  selector: 'app-model-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...FORM_DIALOG_IMPORTS,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatRadioGroup,
    MatRadioButton,
    MatSelect,
    MatOption,
    MatSlideToggle,
    ConnectionCredentials,
    DraftTestPanel,
    DynamicField,
    RelativeTimePipe,
  ],
  templateUrl: './model-dialog.html',
  styleUrl: './model-dialog.scss',
})
export class ModelDialog {
  protected readonly data = inject<ModelDialogData>(MAT_DIALOG_DATA);
  private readonly models = inject(ModelsApi);
  private readonly providersApi = inject(ProvidersApi);
  private readonly notify = inject(Notify);

  protected readonly editing = this.data.model !== undefined;
  protected readonly readOnly = this.data.readOnly === true;
  protected readonly types = MODEL_TYPES;
  protected readonly typeText = TYPE_TEXT;
  protected readonly capabilities = MODEL_CAPABILITIES;
  protected readonly limits = HEALTH_CHECK_LIMITS;
  protected readonly priorityLimits = PRIORITY_LIMITS;
  protected readonly priceLimits = PRICE_PER_MILLION_LIMITS;
  protected readonly connectionLabel = connectionLabel;

  protected readonly form = buildModelForm(this.data.model, this.data.type);
  protected readonly submit = new FormDialog<Model>({
    form: this.form,
    action: 'Saving the model',
    mapField: modelErrorField,
    revealErrors: true,
  });
  private readonly testPanel = viewChild(DraftTestPanel);

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly type = computed(() => this.value().type);
  protected readonly provider = computed(() => this.value().provider || null);
  protected readonly connectionMode = computed(
    () => this.value().connectionMode,
  );
  protected readonly providerOptions = computed(() =>
    providersServing(this.type()),
  );
  protected readonly providerSpec = computed(() => {
    const provider = this.provider();
    return provider ? getProviderSpec(provider) : null;
  });
  protected readonly paramSpecs = computed(() => {
    const provider = this.provider();
    return provider ? paramFields(provider, this.type()) : [];
  });

  /** The saved model's latest connection tests. */
  protected readonly recentTests = rxResource({
    params: () => this.data.model?.id,
    stream: ({ params }) =>
      params
        ? this.models.tests(params).pipe(map((page) => page.items))
        : of([]),
  });

  protected readonly connections = rxResource({
    params: () => this.provider(),
    stream: ({ params }) =>
      params
        ? this.providersApi
            .list({ provider: params, pageSize: MAX_PAGE_SIZE, sort: 'name' })
            .pipe(map((page) => page.items))
        : of([] as ProviderConnection[]),
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    const c = this.form.controls;
    // A new type keeps the provider only if it serves the type; either change regenerates the params.
    c.type.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((type) => {
        const provider = c.provider.value;
        if (provider && !getProviderSpec(provider).modelTypes.includes(type))
          c.provider.setValue('');
      });
    merge(c.type.valueChanges, c.provider.valueChanges)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => rebuildParams(this.form));
    merge(c.provider.valueChanges, c.credentialMode.valueChanges)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.rebuildConnection());
    c.provider.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => {
        c.providerConnectionId.setValue('');
        // Saved connections first; connectionsLoaded() offers a new one when the provider has none.
        if (!this.editing) c.connectionMode.setValue('existing');
        this.testPanel()?.reset();
      });
    c.connectionMode.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => applyConnectionMode(this.form, this.readOnly));
    applyConnectionMode(this.form, this.readOnly);
    effect(() => {
      const list = this.connections.value();
      if (list) untracked(() => this.connectionsLoaded(list));
    });
    if (this.readOnly) this.form.disable({ emitEvent: false });
  }

  private rebuildConnection(): void {
    const { provider, credentialMode } = this.form.getRawValue();
    this.form.setControl(
      'connection',
      connectionGroupFor(provider, { mode: credentialMode }),
    );
    syncConnectionGroup(this.form, this.readOnly);
  }

  /** After the provider's connections load: pick the only one, or offer a new one when there is none. */
  private connectionsLoaded(list: ProviderConnection[]): void {
    const c = this.form.controls;
    if (this.editing || this.readOnly || !this.provider()) return;
    if (list.length === 0 && c.connectionMode.value !== 'new')
      c.connectionMode.setValue('new');
    else if (list.length === 1 && !c.providerConnectionId.value)
      c.providerConnectionId.setValue(list[0]?.id ?? '');
  }

  protected errorOf(path: string): string {
    const control = this.form.get(path);
    return control ? fieldErrorMessage({}, control.errors) : '';
  }

  /** The draft for the test panel, once the fields a test needs are filled in. */
  protected readonly draftForTest = (): DraftConnectionTestRequest | null => {
    const c = this.form.controls;
    const needed = [
      c.provider,
      c.modelName,
      c.params,
      c.connection,
      c.providerConnectionId,
    ];
    if (needed.some((control) => control.invalid)) {
      needed.forEach((control) => control.markAllAsTouched());
      this.submit.error.set(
        'Fill in the provider, connection, model id and required parameters first.',
      );
      return null;
    }
    this.submit.error.set('');
    return toDraftTestRequest(this.form.getRawValue(), this.paramSpecs());
  };

  protected testFailed(error: unknown): void {
    this.submit.fail(error, { action: 'The test', mapField: draftErrorField });
  }

  protected async save(): Promise<void> {
    if (this.readOnly) return;
    await this.submit.submit(
      async () => {
        const connectionId = await this.ensureConnection();
        if (connectionId === undefined) return undefined;
        return this.saveModel(connectionId);
      },
      (saved) => `${saved.name} ${this.editing ? 'saved' : 'added'}.`,
    );
  }

  /** Creates the inline connection first; afterwards it counts as an existing one (no duplicate on retry). */
  private async ensureConnection(): Promise<string | null | undefined> {
    const raw = this.form.getRawValue();
    if (raw.connectionMode === 'existing')
      return raw.providerConnectionId || null;
    try {
      const created = await firstValueFrom(
        this.providersApi.create(toNewConnectionRequest(raw)),
      );
      this.connections.reload();
      this.form.patchValue({
        connectionMode: 'existing',
        providerConnectionId: created.id,
      });
      this.notify.success(`Connection ${created.name} created.`);
      return created.id;
    } catch (error) {
      this.submit.fail(error, {
        action: 'Creating the connection',
        mapField: newConnectionErrorField,
      });
      return undefined;
    }
  }

  private saveModel(providerConnectionId: string | null): Promise<Model> {
    const raw = this.form.getRawValue();
    const model = this.data.model;
    return firstValueFrom(
      model
        ? this.models.update(
            model.id,
            toUpdateModelRequest(
              raw,
              this.paramSpecs(),
              providerConnectionId,
              model.version,
            ),
          )
        : this.models.create(
            toCreateModelRequest(raw, this.paramSpecs(), providerConnectionId),
          ),
    );
  }
}
