import { collectPages, MAX_PAGES } from './collect-pages';

describe('collectPages', () => {
  it('follows the cursors until the last page', async () => {
    const cursors: (string | null)[] = [];
    const items = await collectPages(async (cursor) => {
      cursors.push(cursor);
      return cursor === null
        ? { items: ['a', 'b'], next: 'p2' }
        : { items: ['c'], next: null };
    });
    expect(items).toEqual(['a', 'b', 'c']);
    expect(cursors).toEqual([null, 'p2']);
  });

  it(`stops after ${MAX_PAGES} pages of a server that never stops`, async () => {
    let calls = 0;
    const items = await collectPages(async () => {
      calls++;
      return { items: [calls], next: 'again' };
    });
    expect(calls).toBe(MAX_PAGES);
    expect(items).toHaveLength(MAX_PAGES);
  });
});
