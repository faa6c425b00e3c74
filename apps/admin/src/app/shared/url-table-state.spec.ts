import { DEFAULT_PAGE_SIZE } from '@llm-registry/contracts';
import {
  dayParam,
  flagParam,
  oneOfParam,
  PAGE_SIZES,
  textParam,
  UrlTableState,
  uuidParam,
} from './url-table-state';

const SORTS = ['name', 'updatedAt'] as const;
const ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

function table(prefix?: string) {
  return new UrlTableState({
    filters: {
      q: textParam,
      kind: oneOfParam(['a', 'b'] as const),
      owner: uuidParam,
      from: dayParam,
      flagged: flagParam,
    },
    sort: { fields: SORTS, default: { active: 'name', direction: 'asc' } },
    pageSizes: PAGE_SIZES,
    prefix,
  });
}

describe('UrlTableState', () => {
  it('starts empty, sorted by default, on the first page, and writes nothing to the URL', () => {
    const state = table();
    expect(state.hasFilters()).toBe(false);
    expect(state.pageQuery()).toEqual({
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(Object.values(state.toQueryParams()).every((v) => v === null)).toBe(
      true,
    );
  });

  it('goes back to the first page when a filter or the sort changes', () => {
    const state = table();
    state.setPage(3, DEFAULT_PAGE_SIZE);
    state.setFilters({ flagged: true });
    expect(state.pageIndex()).toBe(0);
    expect(state.hasFilters()).toBe(true);
    state.setPage(2, DEFAULT_PAGE_SIZE);
    state.setSort('updatedAt', 'desc');
    expect(state.pageQuery()).toMatchObject({
      sort: 'updatedAt',
      order: 'desc',
      page: 1,
    });
    state.clearFilters();
    expect(state.hasFilters()).toBe(false);
  });

  it('falls back to the default order for an unknown column or a cleared direction', () => {
    const state = table();
    state.setSort('secret', 'desc');
    expect(state.sort()).toEqual({ active: 'name', direction: 'asc' });
    state.setSort('updatedAt', '');
    expect(state.sort()).toEqual({ active: 'name', direction: 'asc' });
  });

  it('writes filters, sort and page to the URL and reads them back', () => {
    const state = table();
    state.setFilters({
      q: 'emb',
      kind: 'b',
      owner: ID,
      from: '2026-01-31',
      flagged: true,
    });
    state.setSort('updatedAt', 'desc');
    state.setPage(0, 50);
    state.setPage(2, 50);
    const params = state.toQueryParams();
    expect(params).toEqual({
      q: 'emb',
      kind: 'b',
      owner: ID,
      from: '2026-01-31',
      flagged: 'true',
      sort: 'updatedAt',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
    const restored = table();
    // The router hands every value back as a string.
    const fromUrl = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, String(v)]),
    );
    expect(restored.matches(fromUrl)).toBe(false);
    restored.fromQueryParams(fromUrl);
    expect(restored.filters()).toEqual(state.filters());
    expect(restored.pageQuery()).toEqual(state.pageQuery());
    expect(restored.matches(fromUrl)).toBe(true);
  });

  it('ignores URL values the API would refuse', () => {
    const state = table();
    state.fromQueryParams({
      kind: 'c',
      owner: 'not-a-uuid',
      from: 'yesterday',
      flagged: 'yes',
      sort: 'secret',
      page: '-1',
      pageSize: '7',
    });
    expect(state.hasFilters()).toBe(false);
    expect(state.pageQuery()).toEqual({
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('names its keys after a prefix, so two tables share one URL', () => {
    const keys = table('keys');
    keys.setPage(1, DEFAULT_PAGE_SIZE);
    keys.setFilters({ q: 'x' });
    keys.setPage(1, DEFAULT_PAGE_SIZE);
    expect(keys.toQueryParams()).toMatchObject({ keysQ: 'x', keysPage: 2 });
    const users = table();
    expect(users.matches({ keysQ: 'x', keysPage: '2' })).toBe(true);
    keys.fromQueryParams({ page: '5' });
    expect(keys.pageIndex()).toBe(0);
  });

  it('has no sort or page size in the URL when the table has none', () => {
    const plain = new UrlTableState({ filters: { q: textParam } });
    plain.setPage(1, DEFAULT_PAGE_SIZE);
    expect(plain.toQueryParams()).toEqual({ q: null, page: 2 });
    expect(plain.pageQuery()).toEqual({
      page: 2,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('steps back a page when deletions emptied the last one', () => {
    const state = table();
    state.setPage(0, 10);
    state.setPage(4, 10);
    expect(state.stepBackIfBeyond(31)).toBe(true);
    expect(state.pageIndex()).toBe(3);
    expect(state.stepBackIfBeyond(31)).toBe(false);
  });
});
