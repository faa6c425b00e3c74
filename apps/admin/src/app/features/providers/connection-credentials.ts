import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { ProviderConnection, ProviderId } from '@llm-registry/contracts';
import { DynamicField } from '@llm-registry/admin/ui';
import {
  connectionFields,
  type CredentialMode,
  type DynamicGroup,
} from '../../core/catalog/catalog-form';

/**
 * How a provider connection is reached: the key stored encrypted or read from environment variables,
 * and the provider's connection fields. Shared by the connection dialog and the model dialog's
 * inline new connection; the dialog owns the controls and rebuilds `group` when the mode changes.
 */
@Component({
  selector: 'app-connection-credentials',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatRadioGroup, MatRadioButton, DynamicField],
  template: `
    <mat-radio-group
      [formControl]="credentialMode()"
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
    <div class="form-grid">
      @for (field of fields(); track field.key) {
        @if (group().controls[field.key]; as control) {
          <ui-dynamic-field [spec]="field" [control]="control" />
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .modes {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 8px 0 12px;
    }
    .form-grid {
      row-gap: 12px;
      margin-bottom: 12px;
    }
  `,
})
export class ConnectionCredentials {
  readonly provider = input.required<ProviderId>();
  readonly credentialMode = input.required<FormControl<CredentialMode>>();
  /** The connection fields' controls, one per field of the provider in the current mode. */
  readonly group = input.required<DynamicGroup>();
  /** Editing a saved connection: its secrets show as stored hints. */
  readonly existing = input<ProviderConnection | null>(null);

  protected readonly fields = computed(() => {
    // A new mode always comes with a new group, so reading the mode here stays current.
    this.group();
    return connectionFields(this.provider(), {
      mode: this.credentialMode().value,
      existing: this.existing(),
    });
  });
}
