import { computed, signal } from '@angular/core';
import type { Params } from '@angular/router';
import {
  MODEL_SORT_FIELDS,
  MODEL_STATUSES,
  PROVIDER_IDS,
  type ModelListQuery,
  type ModelSortField,
  type ModelStatus,
  type ProviderId,
} from '@llm-registry/contracts';
import {
  isOneOf,
  oneOfParam,
  PAGE_SIZES,
  textParam,
  UrlTableState,
  uuidParam,
  type TableSort,
} from '../../shared/url-table-state';

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

export type ModelSort = TableSort<ModelSortField>;

export const EMPTY_FILTERS: ModelFilters = {
  q: '',
  provider: '',
  status: '',
  scope: '',
  connection: '',
};
export const DEFAULT_SORT: ModelSort = { active: 'priority', direction: 'asc' };

/**
 * The models table: the shared URL-backed filters, sort and page, plus the type tab and the rows
 * selected for bulk actions. Changing what is shown also clears the selection.
 */
export class ModelsTableState extends UrlTableState<
  ModelFilters,
  ModelSortField
> {
  readonly tab = signal<ModelTab>('all');
  readonly selected = signal<ReadonlySet<string>>(new Set());

  constructor() {
    super({
      filters: {
        q: textParam,
        provider: oneOfParam(PROVIDER_IDS),
        status: oneOfParam(MODEL_STATUSES),
        scope: textParam,
        connection: uuidParam,
      },
      sort: { fields: MODEL_SORT_FIELDS, default: DEFAULT_SORT },
      pageSizes: PAGE_SIZES,
    });
  }

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
    return {
      ...this.filterQuery(),
      type: tab === 'all' ? undefined : tab,
      ...this.pageQuery(),
    };
  });

  readonly selectionCount = computed(() => this.selected().size);

  setTab(tab: ModelTab): void {
    if (tab === this.tab()) return;
    this.tab.set(tab);
    this.restart();
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

  override toQueryParams(): Params {
    const tab = this.tab();
    return { type: tab === 'all' ? null : tab, ...super.toQueryParams() };
  }

  override fromQueryParams(params: Params): void {
    const type: unknown = params['type'];
    this.tab.set(isOneOf(MODEL_TABS, type) ? type : 'all');
    super.fromQueryParams(params);
  }

  protected override restart(): void {
    super.restart();
    this.clearSelection();
  }
}
