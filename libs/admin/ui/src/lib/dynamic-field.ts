import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import {
  MatFormField,
  MatError,
  MatHint,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';

export type DynamicFieldKind =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'string-list'
  | 'string'
  | 'url'
  | 'secret';

/** One generated form field: a model param or a provider connection field from the catalogue. */
export interface DynamicFieldSpec {
  key: string;
  label: string;
  kind: DynamicFieldKind;
  required: boolean;
  min?: number;
  max?: number;
  options?: readonly string[];
  help: string;
  placeholder?: string;
}

/** The first error of a control as a sentence (server errors win: they say what the API refused). */
export function fieldErrorMessage(
  spec: Pick<DynamicFieldSpec, 'min' | 'max'>,
  errors: Record<string, unknown> | null,
): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return 'Required';
  if (errors['min']) return `Must be at least ${spec.min}`;
  if (errors['max']) return `Must be at most ${spec.max}`;
  if (errors['integer']) return 'Must be a whole number';
  if (errors['url']) return 'Must be an http(s) URL';
  if (errors['maxItems']) return `At most ${spec.max} items`;
  if (errors['minItems']) return `At least ${spec.min} items`;
  return 'Invalid value';
}

/** Renders a DynamicFieldSpec as the matching Material control, bound to `control`. */
@Component({
  selector: 'ui-dynamic-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatIcon,
    MatIconButton,
  ],
  template: `
    @let s = spec();
    @switch (s.kind) {
      @case ('boolean') {
        <div class="toggle">
          <mat-slide-toggle
            [formControl]="control()"
            [attr.data-field]="s.key"
            >{{ s.label }}</mat-slide-toggle
          >
          <div class="toggle-hint">{{ s.help }}</div>
        </div>
      }
      @case ('enum') {
        <mat-form-field class="full-width">
          <mat-label>{{ s.label }}</mat-label>
          <mat-select [formControl]="control()" [attr.data-field]="s.key">
            @if (!s.required) {
              <mat-option [value]="''">Not set</mat-option>
            }
            @for (option of s.options ?? []; track option) {
              <mat-option [value]="option">{{ option }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ s.help }}</mat-hint>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      }
      @default {
        <mat-form-field class="full-width">
          <mat-label>{{ s.label }}</mat-label>
          <input
            matInput
            [formControl]="control()"
            [type]="inputType()"
            [attr.min]="s.min ?? null"
            [attr.max]="s.max ?? null"
            [attr.step]="s.kind === 'number' ? 'any' : null"
            [attr.inputmode]="numeric() ? 'decimal' : null"
            [attr.autocomplete]="s.kind === 'secret' ? 'new-password' : 'off'"
            [attr.data-field]="s.key"
            [placeholder]="s.placeholder ?? ''"
            [required]="s.required"
          />
          @if (s.kind === 'secret') {
            <button
              mat-icon-button
              matSuffix
              type="button"
              (click)="revealed.set(!revealed())"
              [attr.aria-label]="
                revealed() ? 'Hide ' + s.label : 'Show ' + s.label
              "
            >
              <mat-icon>{{
                revealed() ? 'visibility_off' : 'visibility'
              }}</mat-icon>
            </button>
          }
          <mat-hint>{{ hint() }}</mat-hint>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .full-width {
      width: 100%;
    }
    .toggle {
      padding: 8px 0 16px;
    }
    .toggle-hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin-top: 4px;
    }
  `,
})
export class DynamicField {
  readonly spec = input.required<DynamicFieldSpec>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one control type per field kind
  readonly control = input.required<FormControl<any>>();

  protected readonly revealed = signal(false);

  constructor() {
    // Errors set from outside (the API's, on submit) must show although no input of this view changed.
    const changeDetector = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() =>
        changeDetector.markForCheck(),
      );
      onCleanup(() => subscription.unsubscribe());
    });
  }
  protected readonly numeric = computed(
    () => this.spec().kind === 'integer' || this.spec().kind === 'number',
  );
  protected readonly inputType = computed(() => {
    const kind = this.spec().kind;
    if (kind === 'secret') return this.revealed() ? 'text' : 'password';
    if (kind === 'url') return 'url';
    return this.numeric() ? 'number' : 'text';
  });
  protected readonly hint = computed(() => {
    const s = this.spec();
    const range =
      s.min !== undefined && s.max !== undefined && this.numeric()
        ? ` (${s.min}–${s.max})`
        : '';
    const list = s.kind === 'string-list' ? ' Separate with commas.' : '';
    return `${s.help}${range}${list}`;
  });

  protected error(): string {
    return fieldErrorMessage(this.spec(), this.control().errors);
  }
}
