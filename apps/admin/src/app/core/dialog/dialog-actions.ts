import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose } from '@angular/material/dialog';

/**
 * A dialog's usual footer: Cancel, then the one action, whose label is projected. With `form` the
 * action submits that form; without, it emits `confirm`.
 */
@Component({
  selector: 'app-dialog-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        [type]="form() ? 'submit' : 'button'"
        [attr.form]="form() || null"
        [class.destructive]="destructive()"
        [disabled]="disabled()"
        [attr.data-testid]="testId() || null"
        (click)="confirm.emit()"
      >
        <ng-content />
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    /* The footer stays a direct part of the dialog's layout. */
    :host {
      display: contents;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DialogActions {
  /** The id of the form the action submits. */
  readonly form = input('');
  readonly disabled = input(false);
  /** Styled as an action that removes something. */
  readonly destructive = input(false, { transform: booleanAttribute });
  readonly testId = input('');
  readonly confirm = output<void>();
}
