import {
  ChangeDetectionStrategy,
  Component,
  inject,
  type OnDestroy,
  type OnInit,
  ViewChild,
} from '@angular/core';
import { MatSortHeader } from '@angular/material/sort';
import {
  MatCellDef,
  MatColumnDef,
  MatHeaderCellDef,
  MatTable,
  MatTableModule,
} from '@angular/material/table';
import { RelativeTimePipe } from '@llm-registry/admin/ui';

/**
 * A list table's sortable "Updated" column (`updatedAt`, as relative time). Placed inside the
 * `<table mat-table>`, it adds its column to that table, as Material's `mat-text-column` does.
 */
@Component({
  selector: 'app-updated-column',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatSortHeader, RelativeTimePipe],
  template: `
    <ng-container matColumnDef>
      <th mat-header-cell *matHeaderCellDef mat-sort-header>Updated</th>
      <td mat-cell *matCellDef="let row" class="nowrap">
        {{ row.updatedAt | uiRelativeTime }}
      </td>
    </ng-container>
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class UpdatedColumn implements OnInit, OnDestroy {
  private readonly table = inject(MatTable);
  // Static queries, so the column is complete in ngOnInit, before the table renders its rows (signal
  // queries and the column's own content queries come too late), as in `mat-text-column`.
  @ViewChild(MatColumnDef, { static: true })
  private readonly columnDef!: MatColumnDef;
  @ViewChild(MatHeaderCellDef, { static: true })
  private readonly headerCell!: MatHeaderCellDef;
  @ViewChild(MatCellDef, { static: true })
  private readonly cell!: MatCellDef;

  ngOnInit(): void {
    this.columnDef.name = 'updatedAt';
    this.columnDef.headerCell = this.headerCell;
    this.columnDef.cell = this.cell;
    this.table.addColumnDef(this.columnDef);
  }

  ngOnDestroy(): void {
    this.table.removeColumnDef(this.columnDef);
  }
}
