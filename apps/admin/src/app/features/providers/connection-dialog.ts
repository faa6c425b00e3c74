import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { firstValueFrom, map, merge, startWith } from 'rxjs';
import {
  NAME_MAX_LENGTH,
  PROVIDER_CATALOG,
  getProviderSpec,
  type ProviderConnection,
  type ProviderId,
} from '@llm-registry/contracts';
import { fieldErrorMessage } from '@llm-registry/admin/ui';
import {
  connectionControlKey,
  connectionGroupFor,
  connectionValue,
  type CredentialMode,
  type DynamicGroup,
} from '../../core/catalog/catalog-form';
import { FORM_DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
import { ConnectionCredentials } from './connection-credentials';
import { ProvidersApi } from './providers.api';

export interface ConnectionDialogData {
  connection?: ProviderConnection;
}

/** Add or edit a provider connection; its fields come from the provider's catalogue entry. */
@Component({
  selector: 'app-connection-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...FORM_DIALOG_IMPORTS,
    MatSelect,
    MatOption,
    MatSlideToggle,
    ConnectionCredentials,
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
        @if (provider(); as selectedProvider) {
          <app-connection-credentials
            [provider]="selectedProvider"
            [credentialMode]="form.controls.credentialMode"
            [group]="form.controls.connection"
            [existing]="existing"
          />
          @if (existing) {
            <p class="muted small">
              Changing the base URL needs the key again, so a stored key is
              never sent to a new host.
            </p>
          }
        }
        <mat-slide-toggle formControlName="enabled">Enabled</mat-slide-toggle>
        @if (submit.error()) {
          <p class="error-text" role="alert">{{ submit.error() }}</p>
        }
      </form>
    </mat-dialog-content>
    <app-dialog-actions form="connection-form" [disabled]="submit.saving()">
      {{ existing ? 'Save changes' : 'Add connection' }}
    </app-dialog-actions>
  `,
  styles: `
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
  private readonly api = inject(ProvidersApi);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly existing = this.data.connection ?? null;
  protected readonly providers = PROVIDER_CATALOG;

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
      Validators.maxLength(NAME_MAX_LENGTH),
    ]),
    credentialMode: this.fb.control<CredentialMode>(
      this.existing?.credentialSource === 'environment' ? 'env' : 'key',
    ),
    enabled: this.fb.control(this.existing?.enabled ?? true),
    connection: new FormGroup({}) as DynamicGroup,
  });
  protected readonly submit = new FormDialog<ProviderConnection>({
    form: this.form,
    action: 'Saving the connection',
    mapField: (field) =>
      field === 'name' || field === 'enabled'
        ? field
        : `connection.${connectionControlKey(field)}`,
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
      connectionGroupFor(provider, {
        mode: credentialMode,
        existing: this.existing,
      }),
    );
  }

  protected errorOf(path: string): string {
    return fieldErrorMessage({}, this.form.get(path)?.errors ?? null);
  }

  protected async save(): Promise<void> {
    await this.submit.submit(
      () => {
        const raw = this.form.getRawValue();
        const provider = raw.provider as ProviderId;
        const fields = connectionValue(provider, raw.connection, {
          mode: raw.credentialMode,
          existing: this.existing,
        });
        const common = {
          ...fields,
          name: raw.name.trim(),
          enabled: raw.enabled,
        };
        return firstValueFrom(
          this.existing
            ? this.api.update(this.existing.id, {
                ...common,
                version: this.existing.version,
              })
            : this.api.create({ ...common, provider }),
        );
      },
      (saved) => `${saved.name} ${this.existing ? 'saved' : 'added'}.`,
    );
  }
}
