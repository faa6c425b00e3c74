import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

export interface ReplacementOption {
  id: string;
  label: string;
}

/** Who takes over what is leaving (a model's knowledge bases, a connection's models): one pick, explained. */
@Component({
  selector: 'ui-replacement-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatHint, MatSelect, MatOption],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-select
        [value]="value()"
        (valueChange)="valueChange.emit($event)"
        [attr.data-testid]="testId()"
      >
        @for (option of options(); track option.id) {
          <mat-option [value]="option.id">{{ option.label }}</mat-option>
        }
      </mat-select>
      <mat-hint>{{ hint() }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class ReplacementSelect {
  readonly options = input.required<readonly ReplacementOption[]>();
  readonly value = input('');
  readonly label = input('Move them to');
  /** What taking over means, under the field. */
  readonly hint = input('');
  readonly testId = input<string | null>(null);
  readonly valueChange = output<string>();
}
