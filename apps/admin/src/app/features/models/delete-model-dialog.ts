import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import type { Model } from '@llm-registry/contracts';
import { errorMessage } from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { ModelsApi } from './models.api';

export interface DeleteModelData {
  model: Model;
}

/** Confirms a model's deletion; closes with true once it is deleted. */
@Component({
  selector: 'app-delete-model-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>Delete {{ data.model.name }}?</h2>
    <mat-dialog-content>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Deleting" />
      }
      <p>
        The {{ data.model.type }} model
        <strong>{{ data.model.name }}</strong> ({{ data.model.modelName }},
        scope {{ data.model.scope }}) is removed for good.
        @if (data.model.isDefault) {
          It is the default {{ data.model.type }} model of its scope: services
          asking for the default get the global one, or none.
        }
      </p>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close type="button">Cancel</button>
      <button
        mat-flat-button
        class="destructive"
        type="button"
        (click)="confirm()"
        [disabled]="busy()"
        data-testid="confirm-delete"
      >
        Delete
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DeleteModelDialog {
  protected readonly data = inject<DeleteModelData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<DeleteModelDialog, boolean>);
  private readonly api = inject(ModelsApi);
  private readonly notify = inject(Notify);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected async confirm(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await firstValueFrom(this.api.remove(this.data.model));
      this.notify.success(`${this.data.model.name} deleted.`);
      this.dialogRef.close(true);
    } catch (error) {
      this.error.set(errorMessage(error, 'Deleting the model'));
    } finally {
      this.busy.set(false);
    }
  }
}
