import {
  afterNextRender,
  ChangeDetectionStrategy,
  ElementRef,
  Injector,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  rxResource,
  takeUntilDestroyed,
  toSignal,
} from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { firstValueFrom, map, merge, of, startWith } from 'rxjs';
import {
  GLOBAL_SCOPE,
  HEALTH_CHECK_LIMITS,
  MAX_PAGE_SIZE,
  MODEL_CAPABILITIES,
  MODEL_TYPES,
  SCOPE_PATTERN,
  getProviderSpec,
  type ConnectionTest,
  type CreateModelRequest,
  type DraftConnectionTestRequest,
  type FieldError,
  type Model,
  type ModelCapability,
  type ModelType,
  type ProviderConnection,
  type ProviderId,
} from '@llm-registry/contracts';
import {
  DynamicField,
  fieldErrorMessage,
  RelativeTimePipe,
  PROBE_CATEGORY_TEXT,
} from '@llm-registry/admin/ui';
import {
  connectionControlKey,
  connectionFields,
  connectionGroup,
  connectionValue,
  paramFields,
  paramsGroup,
  paramsValue,
  providersServing,
  type CredentialMode,
  type DynamicGroup,
} from '../../core/catalog/catalog-form';
import { connectionLabel } from '../../core/catalog/connection-text';
import { TYPE_TEXT } from '../../core/catalog/model-types';
import { ConnectionTestsApi } from '../../core/connection-tests/connection-tests.api';
import {
  applyServerErrors,
  errorMessage,
  problemOf,
} from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { ProvidersApi } from '../providers/providers.api';
import { ModelsApi } from './models.api';

export interface ModelDialogData {
  /** Editing (or viewing) this model; absent: adding one. */
  model?: Model;
  /** The type to start with when adding. */
  type?: ModelType;
  readOnly?: boolean;
}

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; test: ConnectionTest }
  | { status: 'error'; message: string };

/** Add or edit a model: type first, then a provider serving it, a connection, and that pair's params. */
@Component({
  selector: 'app-model-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatIcon,
    MatInput,
    MatProgressSpinner,
    MatRadioGroup,
    MatRadioButton,
    MatSelect,
    MatOption,
    MatSlideToggle,
    DynamicField,
    RelativeTimePipe,
  ],
  templateUrl: './model-dialog.html',
  styleUrl: './model-dialog.scss',
})
export class ModelDialog {
  protected readonly data = inject<ModelDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<ModelDialog, Model>);
  private readonly models = inject(ModelsApi);
  private readonly providersApi = inject(ProvidersApi);
  private readonly tests = inject(ConnectionTestsApi);
  private readonly notify = inject(Notify);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly editing = this.data.model !== undefined;
  protected readonly readOnly = this.data.readOnly === true;
  protected readonly types = MODEL_TYPES;
  protected readonly typeText = TYPE_TEXT;
  protected readonly capabilities = MODEL_CAPABILITIES;

  protected readonly form = this.buildForm(this.data.model);
  protected readonly saving = signal(false);
  protected readonly formError = signal('');
  protected readonly test = signal<TestState>({ status: 'idle' });
  protected readonly lastTest = computed(() => {
    const state = this.test();
    return state.status === 'done' ? state.test : null;
  });
  protected readonly testError = computed(() => {
    const state = this.test();
    return state.status === 'error' ? state.message : '';
  });
  protected readonly failureText = computed(() => {
    const category = this.lastTest()?.category;
    return category ? PROBE_CATEGORY_TEXT[category] : null;
  });

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
  protected readonly credentialMode = computed(
    () => this.value().credentialMode,
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
  protected readonly connectionSpecs = computed(() => {
    const provider = this.provider();
    return provider
      ? connectionFields(provider, { mode: this.credentialMode() })
      : [];
  });

  protected readonly limits = HEALTH_CHECK_LIMITS;
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
      .subscribe(() => this.rebuildParams());
    merge(c.provider.valueChanges, c.credentialMode.valueChanges)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.rebuildConnection());
    c.provider.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => {
        c.providerConnectionId.setValue('');
        // Saved connections first; connectionsLoaded() offers a new one when the provider has none.
        if (!this.editing) c.connectionMode.setValue('existing');
        this.test.set({ status: 'idle' });
      });
    c.connectionMode.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((mode) => {
        c.connectionName.setValidators(
          mode === 'new'
            ? [Validators.required, Validators.maxLength(200)]
            : [],
        );
        c.providerConnectionId.setValidators(
          mode === 'existing' ? [Validators.required] : [],
        );
        c.connectionName.updateValueAndValidity();
        c.providerConnectionId.updateValueAndValidity();
        this.syncConnectionGroup();
      });
    c.connectionMode.setValue(c.connectionMode.value);
    effect(() => {
      const list = this.connections.value();
      if (list) untracked(() => this.connectionsLoaded(list));
    });
    if (this.readOnly) this.form.disable({ emitEvent: false });
  }

  private buildForm(model: Model | undefined) {
    const fb = this.fb;
    const type = model?.type ?? this.data.type ?? 'embedding';
    const provider: ProviderId | '' = model?.provider ?? '';
    const form = fb.group({
      type: fb.control<ModelType>({ value: type, disabled: this.editing }),
      provider: fb.control<ProviderId | ''>(
        { value: provider, disabled: this.editing },
        Validators.required,
      ),
      connectionMode: fb.control<'existing' | 'new'>('existing'),
      providerConnectionId: fb.control(model?.providerConnectionId ?? ''),
      connectionName: fb.control(''),
      credentialMode: fb.control<CredentialMode>('key'),
      connection: new FormGroup({}) as DynamicGroup,
      name: fb.control(model?.name ?? '', [
        Validators.required,
        Validators.maxLength(200),
      ]),
      modelName: fb.control(model?.modelName ?? '', [
        Validators.required,
        Validators.maxLength(300),
      ]),
      description: fb.control(
        model?.description ?? '',
        Validators.maxLength(2000),
      ),
      scope: fb.control(
        { value: model?.scope ?? GLOBAL_SCOPE, disabled: this.editing },
        [Validators.required, Validators.pattern(SCOPE_PATTERN)],
      ),
      priority: fb.control<number>(model?.priority ?? 100, [
        Validators.required,
        Validators.min(0),
        Validators.max(1_000_000),
      ]),
      capabilities: fb.control<ModelCapability[]>(model?.capabilities ?? []),
      inputPricePerMillion: fb.control<number | null>(
        model?.inputPricePerMillion ?? null,
        Validators.min(0),
      ),
      outputPricePerMillion: fb.control<number | null>(
        model?.outputPricePerMillion ?? null,
        Validators.min(0),
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
        Validators.min(1),
        Validators.max(HEALTH_CHECK_LIMITS.maxDailyCap),
      ]),
      params: provider
        ? paramsGroup(provider, type, model?.params)
        : (new FormGroup({}) as DynamicGroup),
    });
    if (provider)
      form.setControl('connection', connectionGroup(provider, { mode: 'key' }));
    return form;
  }

  private rebuildParams(): void {
    const { type, provider } = this.form.getRawValue();
    // Values typed so far survive a provider change when the param still exists.
    const previous = this.form.controls.params.getRawValue();
    const group = provider
      ? paramsGroup(provider, type)
      : (new FormGroup({}) as DynamicGroup);
    for (const [key, control] of Object.entries(group.controls)) {
      if (previous[key] !== undefined && previous[key] !== '')
        control.setValue(previous[key]);
    }
    this.form.setControl('params', group);
  }

  private rebuildConnection(): void {
    const { provider, credentialMode } = this.form.getRawValue();
    this.form.setControl(
      'connection',
      provider
        ? connectionGroup(provider, { mode: credentialMode })
        : (new FormGroup({}) as DynamicGroup),
    );
    this.syncConnectionGroup();
  }

  /** The inline connection's fields count only while a new connection is being created. */
  private syncConnectionGroup(): void {
    const group = this.form.controls.connection;
    if (this.form.controls.connectionMode.value === 'new' && !this.readOnly)
      group.enable({ emitEvent: false });
    else group.disable({ emitEvent: false });
    this.form.updateValueAndValidity({ emitEvent: false });
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

  protected readonly connectionLabel = connectionLabel;

  protected errorOf(path: string): string {
    const control = this.form.get(path);
    return control ? fieldErrorMessage({}, control.errors) : '';
  }

  private draft(): DraftConnectionTestRequest {
    const raw = this.form.getRawValue();
    const provider = raw.provider as ProviderId;
    return {
      type: raw.type,
      provider,
      modelName: raw.modelName.trim(),
      params: paramsValue(this.paramSpecs(), raw.params),
      ...(raw.connectionMode === 'existing'
        ? { providerConnectionId: raw.providerConnectionId || null }
        : {
            connection: connectionValue(provider, raw.connection, {
              mode: raw.credentialMode,
            }),
          }),
    };
  }

  /** The server's field errors on the matching controls; the rest in the dialog's error line. */
  private showErrors(
    error: unknown,
    mapField: (field: string) => string | null,
    action: string,
  ): void {
    const problem = problemOf(error);
    const unmatched: FieldError[] = applyServerErrors(
      this.form,
      problem?.errors,
      mapField,
    );
    this.revealFirstError();
    this.formError.set(
      problem?.errors?.length && unmatched.length === 0
        ? 'The registry refused some fields: see the highlighted ones.'
        : errorMessage(error, action),
    );
  }

  private static draftField(field: string): string | null {
    if (field.startsWith('connection.'))
      return `connection.${connectionControlKey(field.slice(11))}`;
    return field;
  }

  /** Runs the draft (unsaved) model through a real connection test: spinner, result, latency, category. */
  protected async runTest(): Promise<void> {
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
      this.formError.set(
        'Fill in the provider, connection, model id and required parameters first.',
      );
      return;
    }
    this.formError.set('');
    this.test.set({ status: 'running' });
    try {
      const test = await firstValueFrom(this.tests.testDraft(this.draft()));
      this.test.set({ status: 'done', test });
    } catch (error) {
      this.test.set({
        status: 'error',
        message: errorMessage(error, 'The test'),
      });
      this.showErrors(error, ModelDialog.draftField, 'The test');
    }
  }

  /** Scrolls the first field in error into view once it shows, and focuses it. */
  private revealFirstError(): void {
    afterNextRender(
      () => {
        const field = this.host.nativeElement.querySelector<HTMLElement>(
          '.mat-form-field-invalid',
        );
        field?.scrollIntoView({ block: 'center' });
        field?.querySelector<HTMLElement>('input, textarea')?.focus();
      },
      { injector: this.injector },
    );
  }

  protected async save(): Promise<void> {
    if (this.readOnly) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.revealFirstError();
      this.formError.set(
        'Some fields need attention: see the highlighted ones.',
      );
      return;
    }
    this.formError.set('');
    this.saving.set(true);
    try {
      const connectionId = await this.ensureConnection();
      if (connectionId === undefined) return;
      const saved = await this.saveModel(connectionId);
      if (!saved) return;
      this.notify.success(
        this.editing ? `${saved.name} saved.` : `${saved.name} added.`,
      );
      this.dialogRef.close(saved);
    } finally {
      this.saving.set(false);
    }
  }

  /** Creates the inline connection first; afterwards it counts as an existing one (no duplicate on retry). */
  private async ensureConnection(): Promise<string | null | undefined> {
    const raw = this.form.getRawValue();
    if (raw.connectionMode === 'existing')
      return raw.providerConnectionId || null;
    const provider = raw.provider as ProviderId;
    try {
      const created = await firstValueFrom(
        this.providersApi.create({
          name: raw.connectionName.trim(),
          provider,
          enabled: true,
          ...connectionValue(provider, raw.connection, {
            mode: raw.credentialMode,
          }),
        }),
      );
      this.connections.reload();
      this.form.patchValue({
        connectionMode: 'existing',
        providerConnectionId: created.id,
      });
      this.notify.success(`Connection ${created.name} created.`);
      return created.id;
    } catch (error) {
      this.showErrors(
        error,
        (field) =>
          field === 'name'
            ? 'connectionName'
            : `connection.${connectionControlKey(field)}`,
        'Creating the connection',
      );
      return undefined;
    }
  }

  private async saveModel(
    providerConnectionId: string | null,
  ): Promise<Model | null> {
    const raw = this.form.getRawValue();
    const common = {
      name: raw.name.trim(),
      providerConnectionId,
      modelName: raw.modelName.trim(),
      description: raw.description.trim() || null,
      params: paramsValue(this.paramSpecs(), raw.params),
      capabilities: raw.capabilities,
      priority: Number(raw.priority),
      inputPricePerMillion:
        raw.inputPricePerMillion === null
          ? null
          : Number(raw.inputPricePerMillion),
      outputPricePerMillion:
        raw.outputPricePerMillion === null
          ? null
          : Number(raw.outputPricePerMillion),
      healthCheck: raw.healthCheckEnabled
        ? {
            intervalMinutes: Number(raw.intervalMinutes),
            dailyCap: Number(raw.dailyCap),
          }
        : null,
    };
    try {
      const model = this.data.model;
      if (model)
        return await firstValueFrom(
          this.models.update(model.id, { ...common, version: model.version }),
        );
      const body: CreateModelRequest = {
        ...common,
        type: raw.type,
        provider: raw.provider as ProviderId,
        scope: raw.scope.trim(),
      };
      return await firstValueFrom(this.models.create(body));
    } catch (error) {
      this.showErrors(error, (field) => field, 'Saving the model');
      return null;
    }
  }
}
