import { inject, Injectable } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import type { BulkActionResponse, Model } from '@llm-registry/contracts';
import { ConfirmDialog, type ConfirmDialogData } from '@llm-registry/admin/ui';
import { ImportModelsDialog } from '../providers/import-models-dialog';
import { BulkResultsDialog, type BulkResultsData } from './bulk-results-dialog';
import { DeleteModelDialog, type RetireAction } from './delete-model-dialog';
import { DeprecateModelDialog } from './deprecate-model-dialog';
import { ModelDialog, type ModelDialogData } from './model-dialog';

/** The models page's dialogs, each resolving to whether something changed (so the table reloads). */
@Injectable({ providedIn: 'root' })
export class ModelsDialogs {
  private readonly dialog = inject(MatDialog);

  async edit(data: ModelDialogData): Promise<boolean> {
    const saved = await this.closed<Model>(
      this.dialog.open(ModelDialog, {
        data,
        width: '880px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      }),
    );
    return saved !== undefined;
  }

  async import(): Promise<boolean> {
    const imported = await this.closed<number>(
      this.dialog.open(ImportModelsDialog, {
        data: {},
        width: '960px',
        maxWidth: '96vw',
      }),
    );
    return Boolean(imported);
  }

  async deprecate(model: Model): Promise<boolean> {
    const done = await this.closed<boolean>(
      this.dialog.open(DeprecateModelDialog, {
        data: model,
        width: '560px',
        maxWidth: '96vw',
      }),
    );
    return done === true;
  }

  /** Deletes or deactivates, with who takes over the knowledge bases relying on it. */
  async retire(model: Model, action: RetireAction): Promise<boolean> {
    const done = await this.closed<boolean>(
      this.dialog.open(DeleteModelDialog, {
        data: { model, action },
        width: '680px',
        maxWidth: '96vw',
      }),
    );
    return done === true;
  }

  async confirmBulkDelete(names: string[]): Promise<boolean> {
    const confirmed = await this.closed<boolean>(
      this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(
        ConfirmDialog,
        {
          data: {
            title: `Delete ${names.length} model${names.length === 1 ? '' : 's'}?`,
            message:
              'Models that knowledge bases use are refused and listed afterwards; the others are deleted for good.',
            details: names,
            confirmLabel: 'Delete',
            destructive: true,
          },
        },
      ),
    );
    return confirmed === true;
  }

  showBulkResults(
    response: BulkActionResponse,
    names: Record<string, string>,
  ): void {
    this.dialog.open<BulkResultsDialog, BulkResultsData>(BulkResultsDialog, {
      data: { response, names },
      width: '640px',
      maxWidth: '96vw',
    });
  }

  private closed<R>(ref: MatDialogRef<unknown, R>): Promise<R | undefined> {
    return firstValueFrom(ref.afterClosed());
  }
}
