import { DEFAULT_PAGE_SIZE } from '@llm-registry/contracts';
import { ModelsTableState } from './models-table.state';

describe('ModelsTableState', () => {
  let state: ModelsTableState;

  beforeEach(() => {
    state = new ModelsTableState();
  });

  it('starts on every model, by priority, first page', () => {
    expect(state.query()).toEqual({
      q: undefined,
      provider: undefined,
      status: undefined,
      scope: undefined,
      providerConnectionId: undefined,
      type: undefined,
      sort: 'priority',
      order: 'asc',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(state.hasFilters()).toBe(false);
    expect(state.toQueryParams()).toEqual({
      type: null,
      q: null,
      provider: null,
      status: null,
      scope: null,
      connection: null,
      sort: null,
      order: null,
      page: null,
      pageSize: null,
    });
  });

  it('asks for one type per tab and keeps the filters of the tab counts type-free', () => {
    state.setFilters({ provider: 'openai', q: '  embed ' });
    state.setTab('embedding');
    expect(state.query()).toMatchObject({
      type: 'embedding',
      provider: 'openai',
      q: 'embed',
    });
    expect(state.filterQuery()).toEqual({
      q: 'embed',
      provider: 'openai',
      status: undefined,
      scope: undefined,
      providerConnectionId: undefined,
    });
  });

  it('goes back to the first page and clears the selection when the tab or a filter changes', () => {
    state.setPage(3, DEFAULT_PAGE_SIZE);
    state.toggle('a');
    state.setTab('rerank');
    expect(state.pageIndex()).toBe(0);
    expect(state.selectionCount()).toBe(0);

    state.setPage(2, DEFAULT_PAGE_SIZE);
    state.toggle('b');
    state.setFilters({ status: 'inactive' });
    expect(state.query().page).toBe(1);
    expect(state.selectionCount()).toBe(0);
    expect(state.hasFilters()).toBe(true);
    state.clearFilters();
    expect(state.hasFilters()).toBe(false);
  });

  it('keeps the selection when only the tab clicked is the current one', () => {
    state.toggle('a');
    state.setTab('all');
    expect(state.isSelected('a')).toBe(true);
  });

  it('sorts by a known field and falls back to priority when the sort is cleared or unknown', () => {
    state.setPage(2, DEFAULT_PAGE_SIZE);
    state.setSort('name', 'desc');
    expect(state.query()).toMatchObject({
      sort: 'name',
      order: 'desc',
      page: 1,
    });
    state.setSort('name', '');
    expect(state.sort()).toEqual({ active: 'priority', direction: 'asc' });
    state.setSort('provider', 'asc');
    expect(state.sort()).toEqual({ active: 'priority', direction: 'asc' });
  });

  it('pages, and a new page size starts over from the first page', () => {
    state.setPage(2, DEFAULT_PAGE_SIZE);
    expect(state.query().page).toBe(3);
    state.setPage(2, 50);
    expect(state.query()).toMatchObject({ page: 1, pageSize: 50 });
    state.setPage(-4, 50);
    expect(state.pageIndex()).toBe(0);
  });

  it('steps back a page when deletions emptied the last one', () => {
    state.setPage(0, 10);
    state.setPage(4, 10);
    expect(state.stepBackIfBeyond(31)).toBe(true);
    expect(state.pageIndex()).toBe(3);
    expect(state.stepBackIfBeyond(31)).toBe(false);
    expect(state.stepBackIfBeyond(0)).toBe(true);
    expect(state.pageIndex()).toBe(0);
  });

  it('selects and unselects rows one by one or all shown at once', () => {
    const ids = ['a', 'b', 'c'];
    state.toggle('a');
    expect(state.someSelected(ids)).toBe(true);
    expect(state.allSelected(ids)).toBe(false);
    state.toggleAll(ids);
    expect(state.allSelected(ids)).toBe(true);
    expect(state.someSelected(ids)).toBe(false);
    state.toggleAll(ids);
    expect(state.selectionCount()).toBe(0);
    expect(state.allSelected([])).toBe(false);
    state.toggle('b');
    state.toggle('b');
    expect(state.isSelected('b')).toBe(false);
  });

  it('writes itself to the URL and reads itself back', () => {
    state.setTab('generation');
    state.setFilters({
      q: 'llama',
      provider: 'ollama',
      status: 'active',
      scope: 'team-a',
      connection: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    });
    state.setSort('name', 'desc');
    state.setPage(1, 50);
    state.setPage(2, 50);
    const params = state.toQueryParams();
    expect(params).toEqual({
      type: 'generation',
      q: 'llama',
      provider: 'ollama',
      status: 'active',
      scope: 'team-a',
      connection: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      sort: 'name',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
    const restored = new ModelsTableState();
    restored.fromQueryParams(params);
    expect(restored.query()).toEqual(state.query());
  });

  it('ignores URL values the API would refuse', () => {
    state.fromQueryParams({
      type: 'images',
      provider: 'acme',
      status: 'gone',
      sort: 'price',
      page: '-2',
      pageSize: '7',
      connection: 'not-a-uuid',
    });
    expect(state.query()).toMatchObject({
      type: undefined,
      provider: undefined,
      providerConnectionId: undefined,
      status: undefined,
      sort: 'priority',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });
});
