import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { bindTablesToUrl } from './bind-tables-to-url';
import { textParam, UrlTableState } from './url-table-state';

@Component({ template: '' })
class ListPage {
  readonly users = new UrlTableState({ filters: { q: textParam } });
  readonly keys = new UrlTableState({ filters: {}, prefix: 'keys' });
  restored = 0;
  constructor() {
    bindTablesToUrl([this.users, this.keys], () => (this.restored += 1));
  }
}

describe('bindTablesToUrl', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'list', component: ListPage }])],
    });
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
  });

  it('starts the tables from the URL', async () => {
    const page = await harness.navigateByUrl(
      '/list?q=emb&keysPage=3',
      ListPage,
    );
    expect(page.users.filters().q).toBe('emb');
    expect(page.keys.pageIndex()).toBe(2);
    expect(page.restored).toBe(1);
  });

  it('puts what the tables show in the URL, defaults left out', async () => {
    const page = await harness.navigateByUrl('/list', ListPage);
    page.users.setFilters({ q: 'rerank' });
    page.keys.setPage(1, page.keys.pageSize());
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?q=rerank&keysPage=2');
    page.users.clearFilters();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?keysPage=2');
    expect(page.restored).toBe(0);
  });

  it('follows a link that changes the URL while the page stays', async () => {
    const page = await harness.navigateByUrl('/list?q=emb', ListPage);
    await harness.navigateByUrl('/list');
    expect(page.users.filters().q).toBe('');
    expect(page.restored).toBe(2);
  });
});
