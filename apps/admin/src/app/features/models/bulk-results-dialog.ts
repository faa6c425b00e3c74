import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import type { BulkActionResponse } from '@llm-registry/contracts';
import { DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';

export interface BulkResultsData {
  response: BulkActionResponse;
  /** Model names by id, for readable rows. */
  names: Partial<Record<string, string>>;
}

/** A bulk action's result per model: what worked and, for the rest, why not. */
@Component({
  selector: 'app-bulk-results-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...DIALOG_IMPORTS, MatIcon],
  template: `
    <h2 mat-dialog-title>
      {{ data.response.succeeded }} done, {{ data.response.failed }} refused
    </h2>
    <mat-dialog-content>
      <ul class="results" data-testid="bulk-results">
        @for (r of data.response.results; track r.id) {
          <li [class.failed]="!r.ok">
            <mat-icon aria-hidden="true">{{
              r.ok ? 'check_circle' : 'error'
            }}</mat-icon>
            <span>
              <strong>{{ data.names[r.id] ?? r.id }}</strong>
              @if (r.ok) {
                — done
              } @else {
                — {{ r.error ?? 'refused' }} ({{ r.status }})
                @if (r.dependents?.length) {
                  <span class="deps">
                    Used by
                    @for (
                      d of r.dependents;
                      track d.knowledgeBaseId + d.role;
                      let last = $last
                    ) {
                      {{ d.knowledgeBaseName }}{{ last ? '' : ', ' }}
                    }
                    : delete it alone to pick a replacement.
                  </span>
                }
              }
            </span>
          </li>
        }
      </ul>
      <p class="muted">
        Refused models are unchanged. Open one to see what depends on it.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .results {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    li mat-icon {
      color: light-dark(#1b6e2d, #7edb8f);
    }
    .deps {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    li.failed mat-icon {
      color: var(--mat-sys-error);
    }
  `,
})
export class BulkResultsDialog {
  protected readonly data = inject<BulkResultsData>(MAT_DIALOG_DATA);
}
