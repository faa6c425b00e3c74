import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { AuditChanges } from '@llm-registry/contracts';

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  secretChanged: boolean;
}

/** JSON values as one readable line; absent values as an em dash. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function changeRows(
  changes: AuditChanges | null | undefined,
): ChangeRow[] {
  return Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    before: formatValue(change.before),
    after: formatValue(change.after),
    secretChanged: change.secretChanged === true,
  }));
}

/** An audit event's changed fields, before and after, side by side. */
@Component({
  selector: 'ui-changes-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length) {
      <table class="diff">
        <caption class="visually-hidden">
          Changed fields, before and after
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.field) {
            <tr>
              <th scope="row">
                {{ row.field }}
                @if (row.secretChanged) {
                  <span class="secret">secret changed</span>
                }
              </th>
              <td class="before">{{ row.before }}</td>
              <td class="after">{{ row.after }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="none">No field changes recorded for this event.</p>
    }
  `,
  styles: `
    .diff {
      border-collapse: collapse;
      width: 100%;
      font-size: 13px;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      word-break: break-word;
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }
    thead th {
      font-family: inherit;
      color: var(--mat-sys-on-surface-variant);
    }
    .before {
      background: light-dark(#fde8e8, #3b1d1d);
    }
    .after {
      background: light-dark(#e3f6e6, #1b3320);
    }
    .secret {
      display: inline-block;
      margin-left: 6px;
      font-size: 11px;
      color: var(--mat-sys-tertiary);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
  `,
})
export class ChangesDiff {
  readonly changes = input<AuditChanges | null>(null);
  protected readonly rows = computed(() => changeRows(this.changes()));
}
