import { HttpErrorResponse } from '@angular/common/http';
import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import type { Page } from '@llm-registry/contracts';
import { PagedList } from './paged-list';

describe('PagedList', () => {
  const page = (items: string[]): Page<string> => ({
    items,
    total: 40,
    page: 1,
    pageSize: 25,
  });

  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('loads the page for its query, again when the query changes or on reload', async () => {
    const query = signal({ page: 1 });
    const load = jest.fn((q: { page: number }) => of(page([`p${q.page}`])));
    const list = TestBed.runInInjectionContext(
      () => new PagedList(query, load, 'Loading the things'),
    );
    await settle();
    expect(list.items()).toEqual(['p1']);
    expect(list.total()).toBe(40);
    query.set({ page: 2 });
    await settle();
    expect(list.items()).toEqual(['p2']);
    list.reload();
    await settle();
    expect(load).toHaveBeenCalledTimes(3);
    expect(list.loadError()).toBe('');
  });

  it('says in one sentence what failed, with no rows', async () => {
    const list = TestBed.runInInjectionContext(
      () =>
        new PagedList(
          () => ({}),
          () => throwError(() => new HttpErrorResponse({ status: 0 })),
          'Loading the things',
        ),
    );
    await settle();
    expect(list.items()).toEqual([]);
    expect(list.loadError()).toMatch(/^Loading the things failed/);
  });
});
