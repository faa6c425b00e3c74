import { Directive, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSort, type SortDirection } from '@angular/material/sort';

/** What the directive reads and moves of a `UrlTableState`. */
export interface UrlSortState {
  sortActive(): string;
  sortDirection(): SortDirection;
  setSort(active: string, direction: SortDirection): void;
}

/**
 * A `MatSort` that shows and changes a table state's sort, so the URL holds it. Clearing is off:
 * a third click keeps the column, as the API always orders by something.
 */
@Directive({
  selector: 'table[appUrlSort]',
  hostDirectives: [MatSort],
})
export class UrlSort {
  readonly state = input.required<UrlSortState>({ alias: 'appUrlSort' });
  private readonly sort = inject(MatSort);

  constructor() {
    this.sort.disableClear = true;
    effect(() => {
      const state = this.state();
      this.sort.active = state.sortActive();
      this.sort.direction = state.sortDirection();
      // Set from code rather than bound inputs, so tell the headers to show it.
      this.sort._stateChanges.next();
    });
    this.sort.sortChange
      .pipe(takeUntilDestroyed())
      .subscribe(({ active, direction }) =>
        this.state().setSort(active, direction),
      );
  }
}
