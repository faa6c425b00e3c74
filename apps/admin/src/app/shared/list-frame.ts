import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ErrorBanner } from '@llm-registry/admin/ui';

/** What the frame reads of a `PagedList`. */
export interface ListFrameList {
  isLoading(): boolean;
  loadError(): string;
  items(): readonly unknown[];
  total(): number;
}

/** What the frame reads and moves of a `UrlTableState`. */
export interface ListFramePaging {
  pageIndex(): number;
  pageSize(): number;
  /** Without choices the page size is fixed and its picker hidden. */
  readonly pageSizes: readonly number[];
  setPage(pageIndex: number, pageSize: number): void;
}

/**
 * Everything around a list page's table: the load error with a retry, the loading bar, the empty
 * state and the paginator. The page projects its `<table>` and, optionally, a `ui-empty-state`
 * (or an `ng-container ngProjectAs="ui-empty-state"` choosing between several), shown only when
 * the page loaded with no rows.
 */
@Component({
  selector: 'app-list-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorBanner, MatPaginator, MatProgressBar],
  template: `
    @if (list().loadError()) {
      <ui-error-banner
        [title]="'The ' + noun() + ' could not be loaded'"
        [message]="list().loadError()"
        retryLabel="Retry"
        (retry)="retry.emit()"
      />
    }
    <div class="table-wrap">
      @if (list().isLoading()) {
        <mat-progress-bar
          mode="indeterminate"
          class="loading"
          [attr.aria-label]="'Loading ' + noun()"
        />
      }
      <ng-content />
      @if (isEmpty()) {
        <ng-content select="ui-empty-state" />
      }
      <mat-paginator
        [length]="list().total()"
        [pageIndex]="paging().pageIndex()"
        [pageSize]="paging().pageSize()"
        [pageSizeOptions]="paging().pageSizes"
        [hidePageSize]="paging().pageSizes.length === 0"
        [showFirstLastButtons]="showFirstLastButtons()"
        (page)="onPage($event)"
        [attr.aria-label]="paginatorLabel()"
      />
    </div>
  `,
  styles: `
    /* The frame adds no box of its own: the page lays out its parts as before. */
    :host {
      display: contents;
    }
    .loading {
      position: absolute;
      inset: 0 0 auto 0;
      z-index: 3;
    }
  `,
})
export class ListFrame {
  readonly list = input.required<ListFrameList>();
  readonly paging = input.required<ListFramePaging>();
  /** What the list holds, for the banner and the loading bar: `models`. */
  readonly noun = input.required<string>();
  /** The paginator's name: `Models pages`. */
  readonly paginatorLabel = input.required<string>();
  readonly showFirstLastButtons = input(false, { transform: booleanAttribute });
  readonly retry = output<void>();

  protected readonly isEmpty = computed(() => {
    const list = this.list();
    return !list.isLoading() && !list.loadError() && list.items().length === 0;
  });

  protected onPage(event: PageEvent): void {
    this.paging().setPage(event.pageIndex, event.pageSize);
  }
}
