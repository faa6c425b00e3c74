import { computed, signal, type WritableSignal } from '@angular/core';
import type { Params } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type SortDirection } from '@llm-registry/contracts';

export type FilterValue = string | boolean;

/** How one filter reads back from the URL: its empty value, and what counts as a valid one. */
export interface FilterParam<T extends FilterValue> {
  readonly empty: T;
  parse(raw: unknown): T;
}

export const textParam: FilterParam<string> = {
  empty: '',
  parse: (raw) => (typeof raw === 'string' ? raw : ''),
};

/** One of a list (a provider, a status…); anything else reads as no filter. */
export function oneOfParam<T extends string>(
  list: readonly T[],
): FilterParam<T | ''> {
  return { empty: '', parse: (raw) => (isOneOf(list, raw) ? raw : '') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuidParam: FilterParam<string> = {
  empty: '',
  parse: (raw) => (typeof raw === 'string' && UUID.test(raw) ? raw : ''),
};

/** A date input's day, `YYYY-MM-DD`. */
export const dayParam: FilterParam<string> = {
  empty: '',
  parse: (raw) =>
    typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : '',
};

/** An on/off filter, `true` in the URL while on. */
export const flagParam: FilterParam<boolean> = {
  empty: false,
  parse: (raw) => raw === 'true',
};

export function isOneOf<T extends string>(
  list: readonly T[],
  value: unknown,
): value is T {
  return (
    typeof value === 'string' && (list as readonly string[]).includes(value)
  );
}

export interface TableSort<S extends string> {
  active: S;
  direction: SortDirection;
}

export type FilterParams<F> = {
  [K in keyof F]: F[K] extends FilterValue ? FilterParam<F[K]> : never;
};

export interface UrlTableConfig<F, S extends string> {
  filters: FilterParams<F>;
  /** The sortable columns and the order without a choice; absent for a table the API orders. */
  sort?: { fields: readonly S[]; default: TableSort<S> };
  /** The paginator's choices; absent: a fixed page size. */
  pageSizes?: readonly number[];
  /** Names this table's URL keys when a page shows two (`keys` → `keysPage`). */
  prefix?: string;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * What a list page's table shows — filters, sort and page — as signals, and as the URL's query
 * parameters (defaults left out), so a reload, a shared link or the back button shows the same table.
 * Changing what is shown goes back to the first page.
 */
export class UrlTableState<F extends object, S extends string = never> {
  readonly filters: WritableSignal<F>;
  readonly sort: WritableSignal<TableSort<S> | null>;
  /** Zero-based, as the paginator counts. */
  readonly pageIndex = signal(0);
  readonly pageSize = signal<number>(DEFAULT_PAGE_SIZE);
  /** The paginator's choices; empty for a fixed page size. */
  readonly pageSizes: readonly number[];

  readonly hasFilters = computed(() => {
    const filters = this.filters();
    return this.filterKeys.some(
      (key) => filters[key] !== this.config.filters[key].empty,
    );
  });

  /** For MatSort's inputs. */
  readonly sortActive = computed(() => this.sort()?.active ?? '');
  readonly sortDirection = computed(() => this.sort()?.direction ?? '');

  /** The API's sort, order, page (from 1) and page size. */
  readonly pageQuery = computed(() => {
    const sort = this.sort();
    return {
      ...(sort ? { sort: sort.active, order: sort.direction } : {}),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    };
  });

  private readonly filterKeys: (keyof F)[];
  private readonly empty: F;

  constructor(private readonly config: UrlTableConfig<F, S>) {
    this.filterKeys = Object.keys(config.filters) as (keyof F)[];
    this.empty = Object.fromEntries(
      this.filterKeys.map((key) => [key, config.filters[key].empty]),
    ) as F;
    this.filters = signal(this.empty);
    this.sort = signal(config.sort?.default ?? null);
    this.pageSizes = config.pageSizes ?? [];
  }

  setFilters(changes: Partial<F>): void {
    this.filters.update((current) => ({ ...current, ...changes }));
    this.restart();
  }

  clearFilters(): void {
    this.filters.set(this.empty);
    this.restart();
  }

  /** MatSort's event: an unknown column or an empty direction goes back to the default order. */
  setSort(active: string, direction: SortDirection | ''): void {
    const sort = this.config.sort;
    if (!sort) return;
    this.sort.set(
      direction && isOneOf(sort.fields, active)
        ? { active, direction }
        : sort.default,
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

  /** After a deletion emptied the last page: step back to the last one left. */
  stepBackIfBeyond(total: number): boolean {
    const lastPage = Math.max(0, Math.ceil(total / this.pageSize()) - 1);
    if (this.pageIndex() > lastPage) {
      this.pageIndex.set(lastPage);
      return true;
    }
    return false;
  }

  /** The URL's query parameters for this state; defaults are null, so the router leaves them out. */
  toQueryParams(): Params {
    const filters = this.filters();
    const params: Params = {};
    for (const key of this.filterKeys) {
      const value = filters[key];
      params[this.key(String(key))] =
        value === this.config.filters[key].empty ? null : String(value);
    }
    const sort = this.sort();
    const defaultSort = this.config.sort?.default;
    const isDefaultSort =
      sort?.active === defaultSort?.active &&
      sort?.direction === defaultSort?.direction;
    if (this.config.sort) {
      params[this.key('sort')] = isDefaultSort ? null : sort?.active;
      params[this.key('order')] = isDefaultSort ? null : sort?.direction;
    }
    params[this.key('page')] = this.pageIndex() ? this.pageIndex() + 1 : null;
    if (this.config.pageSizes)
      params[this.key('pageSize')] =
        this.pageSize() === DEFAULT_PAGE_SIZE ? null : this.pageSize();
    return params;
  }

  /** Restores the state from the URL, ignoring values the API would refuse. */
  fromQueryParams(params: Params): void {
    const filters = {} as F;
    for (const key of this.filterKeys)
      filters[key] = this.config.filters[key].parse(
        params[this.key(String(key))],
      ) as F[keyof F];
    this.filters.set(filters);
    const sort = this.config.sort;
    if (sort) {
      const active: unknown = params[this.key('sort')];
      const order: unknown = params[this.key('order')];
      this.sort.set(
        isOneOf(sort.fields, active)
          ? { active, direction: order === 'desc' ? 'desc' : 'asc' }
          : sort.default,
      );
    }
    const size = Number(params[this.key('pageSize')]);
    this.pageSize.set(
      this.config.pageSizes?.includes(size) ? size : DEFAULT_PAGE_SIZE,
    );
    const page = Number(params[this.key('page')]);
    this.pageIndex.set(Number.isInteger(page) && page > 1 ? page - 1 : 0);
  }

  /** Whether the URL's parameters already say what this state shows. */
  matches(params: Params): boolean {
    return Object.entries(this.toQueryParams()).every(([key, value]) =>
      value === null || value === undefined
        ? params[key] === undefined
        : String(params[key]) === String(value),
    );
  }

  /** What shows changed: back to the first page. */
  protected restart(): void {
    this.pageIndex.set(0);
  }

  private key(name: string): string {
    const prefix = this.config.prefix;
    return prefix ? `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}` : name;
  }
}
