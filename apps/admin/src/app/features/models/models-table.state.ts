import { computed, signal } from '@angular/core';
import type { Params } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  MODEL_SORT_FIELDS,
  MODEL_STATUSES,
  PROVIDER_IDS,
  type ModelListQuery,
  type ModelSortField,
  type ModelStatus,
  type ProviderId,
  type SortDirection,
} from '@llm-registry/contracts';

/** The tabs of the models page: every model, or one type. */
export const MODEL_TABS = ['all', 'embedding', 'generation', 'rerank'] as const;
export type ModelTab = (typeof MODEL_TABS)[number];

export interface ModelFilters {
  q: string;
  provider: ProviderId | '';
  status: ModelStatus | '';
  scope: string;
  /** A provider connection's id: only the models using it (a connection's delete dialog links here). */
  connection: string;
}

export interface ModelSort {
  active: ModelSortField;
  direction: SortDirection;
}

export const EMPTY_FILTERS: ModelFilters = {
  q: '',
  provider: '',
  status: '',
  scope: '',
  connection: '',
};
export const DEFAULT_SORT: ModelSort = { active: 'priority', direction: 'asc' };
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

const isOneOf = <T extends string>(
  list: readonly T[],
  value: unknown,
): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * What the models table shows: tab, filters, sort, page and selection, as signals. The API query and
 * the URL's query parameters are derived from it, so a reload or a shared link shows the same table.
 * Changing what is shown goes back to the first page and clears the selection.
 */
export class ModelsTableState {
  readonly tab = signal<ModelTab>('all');
  readonly filters = signal<ModelFilters>(EMPTY_FILTERS);
  readonly sort = signal<ModelSort>(DEFAULT_SORT);
  /** Zero-based, as the paginator counts. */
  readonly pageIndex = signal(0);
  readonly pageSize = signal<number>(DEFAULT_PAGE_SIZE);
  readonly selected = signal<ReadonlySet<string>>(new Set());

  readonly hasFilters = computed(() => {
    const f = this.filters();
    return (
      f.q !== '' ||
      f.provider !== '' ||
      f.status !== '' ||
      f.scope !== '' ||
      f.connection !== ''
    );
  });

  /** Filters without the tab's type and paging: what the tab counts are taken over. */
  readonly filterQuery = computed<ModelListQuery>(() => {
    const f = this.filters();
    return {
      q: f.q.trim() || undefined,
      provider: f.provider || undefined,
      status: f.status || undefined,
      scope: f.scope.trim() || undefined,
      providerConnectionId: f.connection || undefined,
    };
  });

  /** `GET /api/v1/admin/models` parameters (pages count from 1 there). */
  readonly query = computed<ModelListQuery>(() => {
    const tab = this.tab();
    const sort = this.sort();
    return {
      ...this.filterQuery(),
      type: tab === 'all' ? undefined : tab,
      sort: sort.active,
      order: sort.direction,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    };
  });

  readonly selectionCount = computed(() => this.selected().size);

  setTab(tab: ModelTab): void {
    if (tab === this.tab()) return;
    this.tab.set(tab);
    this.restart();
  }

  setFilters(changes: Partial<ModelFilters>): void {
    this.filters.update((current) => ({ ...current, ...changes }));
    this.restart();
  }

  clearFilters(): void {
    this.filters.set(EMPTY_FILTERS);
    this.restart();
  }

  /** MatSort's event: an empty direction goes back to the default order. */
  setSort(active: string, direction: SortDirection | ''): void {
    this.sort.set(
      direction && isOneOf(MODEL_SORT_FIELDS, active)
        ? { active, direction }
        : DEFAULT_SORT,
    );
    this.pageIndex.set(0);
  }

  setPage(pageIndex: number, pageSize: number): void {
    if (pageSize !== this.pageSize()) {
      this.pageSize.set(pageSize);
      this.pageIndex.set(0);
    } else {
      this.pageIndex.set(Math.max(0, pageIndex));
    }
  }

  /** After a deletion emptied the last page: step back one page. */
  stepBackIfBeyond(total: number): boolean {
    const lastPage = Math.max(0, Math.ceil(total / this.pageSize()) - 1);
    if (this.pageIndex() > lastPage) {
      this.pageIndex.set(lastPage);
      return true;
    }
    return false;
  }

  isSelected(id: string): boolean {
    return this.selected().has(id);
  }

  toggle(id: string): void {
    this.selected.update((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /** Selects every row shown, or clears them all when they already are. */
  toggleAll(ids: readonly string[]): void {
    this.selected.set(this.allSelected(ids) ? new Set() : new Set(ids));
  }

  allSelected(ids: readonly string[]): boolean {
    const selected = this.selected();
    return ids.length > 0 && ids.every((id) => selected.has(id));
  }

  someSelected(ids: readonly string[]): boolean {
    const selected = this.selected();
    return ids.some((id) => selected.has(id)) && !this.allSelected(ids);
  }

  clearSelection(): void {
    if (this.selected().size) this.selected.set(new Set());
  }

  /** The URL's query parameters for this state; defaults are left out. */
  toQueryParams(): Params {
    const f = this.filters();
    const sort = this.sort();
    const isDefaultSort =
      sort.active === DEFAULT_SORT.active &&
      sort.direction === DEFAULT_SORT.direction;
    return {
      type: this.tab() === 'all' ? null : this.tab(),
      q: f.q || null,
      provider: f.provider || null,
      status: f.status || null,
      scope: f.scope || null,
      connection: f.connection || null,
      sort: isDefaultSort ? null : sort.active,
      order: isDefaultSort ? null : sort.direction,
      page: this.pageIndex() ? this.pageIndex() + 1 : null,
      pageSize: this.pageSize() === DEFAULT_PAGE_SIZE ? null : this.pageSize(),
    };
  }

  /** Restores the state from the URL, ignoring values the API would refuse. */
  fromQueryParams(params: Params): void {
    const type: unknown = params['type'];
    this.tab.set(isOneOf(MODEL_TABS, type) ? type : 'all');
    const provider: unknown = params['provider'];
    const status: unknown = params['status'];
    this.filters.set({
      q: typeof params['q'] === 'string' ? params['q'] : '',
      provider: isOneOf(PROVIDER_IDS, provider) ? provider : '',
      status: isOneOf(MODEL_STATUSES, status) ? status : '',
      scope: typeof params['scope'] === 'string' ? params['scope'] : '',
      connection: isUuid(params['connection']) ? params['connection'] : '',
    });
    const sort: unknown = params['sort'];
    const order: unknown = params['order'];
    this.sort.set(
      isOneOf(MODEL_SORT_FIELDS, sort)
        ? { active: sort, direction: order === 'desc' ? 'desc' : 'asc' }
        : DEFAULT_SORT,
    );
    const size = Number(params['pageSize']);
    this.pageSize.set(
      (PAGE_SIZES as readonly number[]).includes(size)
        ? size
        : DEFAULT_PAGE_SIZE,
    );
    const page = Number(params['page']);
    this.pageIndex.set(Number.isInteger(page) && page > 1 ? page - 1 : 0);
  }

  private restart(): void {
    this.pageIndex.set(0);
    this.clearSelection();
  }
}
