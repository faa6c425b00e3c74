import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SortDirection } from '@angular/material/sort';
import { EmptyState, relativeTime } from '@llm-registry/admin/ui';
import { LIST_PAGE_IMPORTS } from './list-page-imports';

interface Row {
  name: string;
  updatedAt?: string;
}

class FakeList {
  readonly isLoading = signal(false);
  readonly loadError = signal('');
  readonly items = signal<Row[]>([]);
  readonly total = signal(0);
}

class FakeTable {
  readonly pageIndex = signal(0);
  readonly pageSize = signal(10);
  readonly sortActive = signal('name');
  readonly sortDirection = signal<SortDirection>('asc');
  constructor(readonly pageSizes: readonly number[]) {}
  setPage = jest.fn((index: number, size: number) => {
    this.pageIndex.set(index);
    this.pageSize.set(size);
  });
  setSort = jest.fn();
}

@Component({
  imports: [LIST_PAGE_IMPORTS, EmptyState],
  template: `
    <app-list-frame
      [list]="list"
      [paging]="table"
      noun="things"
      paginatorLabel="Thing pages"
      (retry)="retried = retried + 1"
    >
      <table
        mat-table
        [dataSource]="list.items()"
        [appUrlSort]="table"
        aria-label="Things"
      >
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Name</th>
          <td mat-cell *matCellDef="let r">{{ r.name }}</td>
        </ng-container>
        <app-updated-column />
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let r; columns: columns"></tr>
      </table>
      <ui-empty-state icon="inbox" title="No things yet"
        >Add one.</ui-empty-state
      >
    </app-list-frame>
  `,
})
class HostPage {
  readonly list = new FakeList();
  readonly columns = ['name', 'updatedAt'];
  table = new FakeTable([10, 25]);
  retried = 0;
}

function render(pageSizes: readonly number[] = [10, 25]) {
  const fixture = TestBed.createComponent(HostPage);
  fixture.componentInstance.table = new FakeTable(pageSizes);
  fixture.detectChanges();
  const root = fixture.nativeElement as HTMLElement;
  const refresh = () => {
    fixture.detectChanges();
    return root;
  };
  return { host: fixture.componentInstance, root, refresh };
}

describe('ListFrame', () => {
  it('shows the rows and a named loading bar while loading', () => {
    const { host, refresh } = render();
    host.list.isLoading.set(true);
    let root = refresh();
    expect(
      root.querySelector('mat-progress-bar')?.getAttribute('aria-label'),
    ).toBe('Loading things');

    host.list.isLoading.set(false);
    host.list.items.set([{ name: 'alpha' }]);
    host.list.total.set(1);
    root = refresh();
    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(
      root.querySelector('table[aria-label="Things"] td')?.textContent,
    ).toBe('alpha');
    expect(root.querySelector('ui-empty-state')).toBeNull();
  });

  it('shows the empty state only once loaded with no rows and no error', () => {
    const { host, refresh } = render();
    expect(refresh().querySelector('ui-empty-state h2')?.textContent).toBe(
      'No things yet',
    );
    host.list.isLoading.set(true);
    expect(refresh().querySelector('ui-empty-state')).toBeNull();
    host.list.isLoading.set(false);
    host.list.loadError.set('Loading the things failed.');
    expect(refresh().querySelector('ui-empty-state')).toBeNull();
  });

  it('says a load failed and retries when asked', () => {
    const { host, refresh } = render();
    host.list.loadError.set('Loading the things failed.');
    const root = refresh();
    const banner = root.querySelector('[role="alert"]');
    expect(banner?.textContent).toContain('The things could not be loaded');
    expect(banner?.textContent).toContain('Loading the things failed.');
    banner?.querySelector('button')?.click();
    expect(host.retried).toBe(1);
  });

  it('pages through the table state and names the paginator', () => {
    const { host, refresh } = render();
    host.list.total.set(30);
    const root = refresh();
    expect(
      root.querySelector('mat-paginator')?.getAttribute('aria-label'),
    ).toBe('Thing pages');
    expect(root.querySelector('.mat-mdc-paginator-page-size')).not.toBeNull();
    root
      .querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')
      ?.click();
    expect(host.table.setPage).toHaveBeenCalledWith(1, 10);
  });

  it('hides the page size picker when the table has no choices', () => {
    const { root } = render([]);
    expect(root.querySelector('.mat-mdc-paginator-page-size')).toBeNull();
  });
});

describe('UrlSort', () => {
  it("shows the table state's sort and writes a header click back", () => {
    const { host, refresh } = render();
    const header = refresh().querySelector('th');
    expect(header?.getAttribute('aria-sort')).toBe('ascending');

    header?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    expect(host.table.setSort).toHaveBeenCalledWith('name', 'desc');

    host.table.sortDirection.set('desc');
    expect(refresh().querySelector('th')?.getAttribute('aria-sort')).toBe(
      'descending',
    );
  });
});

describe('UpdatedColumn', () => {
  it('adds a sortable "Updated" column showing how long ago', () => {
    const { host, refresh } = render();
    const updatedAt = new Date(Date.now() - 3 * 60_000).toISOString();
    host.list.items.set([{ name: 'alpha', updatedAt }]);
    const root = refresh();
    const headers = Array.from(root.querySelectorAll('th'));
    expect(headers.map((th) => th.textContent?.trim())).toEqual([
      'Name',
      'Updated',
    ]);
    expect(headers[1].getAttribute('aria-sort')).toBe('none');
    expect(root.querySelectorAll('td')[1].textContent?.trim()).toBe(
      relativeTime(updatedAt),
    );

    headers[1]
      .querySelector<HTMLElement>('.mat-sort-header-container')
      ?.click();
    expect(host.table.setSort).toHaveBeenCalledWith('updatedAt', 'asc');
  });
});
