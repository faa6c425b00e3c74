import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
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
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { firstValueFrom, map, merge, startWith } from 'rxjs';
import {
  PROVIDER_CATALOG,
  getProviderSpec,
  type ProviderConnection,
  type ProviderId,
} from '@llm-registry/contracts';
import { DynamicField, fieldErrorMessage } from '@llm-registry/admin/ui';
import {
  connectionControlKey,
  connectionFields,
  connectionGroup,
  connectionValue,
  type CredentialMode,
  type DynamicGroup,
} from '../../core/catalog/catalog-form';
import {
  applyServerErrors,
  errorMessage,
  problemOf,
} from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { ProvidersApi } from './providers.api';

export interface ConnectionDialogData {
  connection?: ProviderConnection;
}

/** Add or edit a provider connection; its fields come from the provider's catalogue entry. */
@Component({
  selector: 'app-connection-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatSelect,
    MatOption,
    MatSlideToggle,
    DynamicField,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ existing ? 'Edit ' + existing.name : 'Add a provider connection' }}
    </h2>
    <mat-dialog-content>
      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        id="connection-form"
        novalidate
      >
        <div class="form-grid">
          <mat-form-field>
            <mat-label>Provider</mat-label>
            <mat-select
              formControlName="provider"
              data-testid="connection-provider"
            >
              @for (p of providers; track p.id) {
                <mat-option [value]="p.id">{{ p.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{
              spec()?.description ?? 'Fixed once the connection exists.'
            }}</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" data-field="name" required />
            <mat-error>{{ errorOf('name') }}</mat-error>
          </mat-form-field>
        </div>
        @if (provider()) {
          <mat-radio-group
            formControlName="credentialMode"
            class="modes"
            aria-label="How the credential is given"
          >
            <mat-radio-button value="key"
              >Enter the key (stored encrypted)</mat-radio-button
            >
            <mat-radio-button value="env"
              >Read it from an environment variable</mat-radio-button
            >
          </mat-radio-group>
          <div class="form-grid" formGroupName="connection">
            @for (field of fields(); track field.key) {
              @if (form.controls.connection.controls[field.key]; as control) {
                <ui-dynamic-field [spec]="field" [control]="control" />
              }
            }
          </div>
          @if (existing) {
            <p class="muted small">
              Changing the base URL needs the key again, so a stored key is
              never sent to a new host.
            </p>
          }
        }
        <mat-slide-toggle formControlName="enabled">Enabled</mat-slide-toggle>
        @if (formError()) {
          <p class="error-text" role="alert">{{ formError() }}</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        form="connection-form"
        [disabled]="saving()"
      >
        {{ existing ? 'Save changes' : 'Add connection' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .modes {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 8px 0 12px;
    }
    .form-grid {
      row-gap: 12px;
      margin-bottom: 8px;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ConnectionDialog {
  private readonly data = inject<ConnectionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(
    MatDialogRef<ConnectionDialog, ProviderConnection>,
  );
  private readonly api = inject(ProvidersApi);
  private readonly notify = inject(Notify);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly existing = this.data.connection ?? null;
  protected readonly providers = PROVIDER_CATALOG;
  protected readonly saving = signal(false);
  protected readonly formError = signal('');

  protected readonly form = this.fb.group({
    provider: this.fb.control<ProviderId | ''>(
      {
        value: this.existing?.provider ?? '',
        disabled: this.existing !== null,
      },
      Validators.required,
    ),
    name: this.fb.control(this.existing?.name ?? '', [
      Validators.required,
      Validators.maxLength(200),
    ]),
    credentialMode: this.fb.control<CredentialMode>(
      this.existing?.credentialSource === 'environment' ? 'env' : 'key',
    ),
    enabled: this.fb.control(this.existing?.enabled ?? true),
    connection: new FormGroup({}) as DynamicGroup,
  });

  private readonly raw = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly provider = computed(() => this.raw().provider || null);
  protected readonly spec = computed(() => {
    const provider = this.provider();
    return provider ? getProviderSpec(provider) : null;
  });
  protected readonly fields = computed(() => {
    const provider = this.provider();
    return provider
      ? connectionFields(provider, {
          mode: this.raw().credentialMode,
          existing: this.existing,
        })
      : [];
  });

  constructor() {
    const c = this.form.controls;
    merge(c.provider.valueChanges, c.credentialMode.valueChanges)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.rebuild());
    this.rebuild();
  }

  private rebuild(): void {
    const { provider, credentialMode } = this.form.getRawValue();
    this.form.setControl(
      'connection',
      provider
        ? connectionGroup(provider, {
            mode: credentialMode,
            existing: this.existing,
          })
        : (new FormGroup({}) as DynamicGroup),
    );
  }

  protected errorOf(path: string): string {
    return fieldErrorMessage({}, this.form.get(path)?.errors ?? null);
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(
        'Some fields need attention: see the highlighted ones.',
      );
      return;
    }
    const raw = this.form.getRawValue();
    const provider = raw.provider as ProviderId;
    const fields = connectionValue(provider, raw.connection, {
      mode: raw.credentialMode,
      existing: this.existing,
    });
    this.saving.set(true);
    this.formError.set('');
    try {
      const saved = this.existing
        ? await firstValueFrom(
            this.api.update(this.existing.id, {
              ...fields,
              name: raw.name.trim(),
              enabled: raw.enabled,
              version: this.existing.version,
            }),
          )
        : await firstValueFrom(
            this.api.create({
              ...fields,
              name: raw.name.trim(),
              provider,
              enabled: raw.enabled,
            }),
          );
      this.notify.success(
        `${saved.name} ${this.existing ? 'saved' : 'added'}.`,
      );
      this.dialogRef.close(saved);
    } catch (error) {
      const problem = problemOf(error);
      const unmatched = applyServerErrors(
        this.form,
        problem?.errors,
        (field) =>
          field === 'name' || field === 'enabled'
            ? field
            : `connection.${connectionControlKey(field)}`,
      );
      this.formError.set(
        problem?.errors?.length && !unmatched.length
          ? 'The registry refused some fields: see the highlighted ones.'
          : errorMessage(error, 'Saving the connection'),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
