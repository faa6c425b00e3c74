import { pathWithQuery } from '../http/path-with-query';
import type { ProviderHttp, ResponseParser } from '../http/provider-http';

/** A guard against servers that never stop handing out cursors. */
export const MAX_PAGES = 50;

export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last one. */
  next: string | null;
}

/** Follows the cursors from the first page, for at most MAX_PAGES pages. */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let count = 0; count < MAX_PAGES; count++) {
    const page: Page<T> = await fetchPage(cursor);
    items.push(...page.items);
    if (page.next === null) break;
    cursor = page.next;
  }
  return items;
}

export interface PagedRequest {
  path: string;
  /** The same on every page (page size). */
  query: Record<string, string>;
  /** The query parameter that carries the cursor (`after_id`, `pageToken`, `page_token`). */
  cursorParam: string;
}

/** Every item of a cursor-paged GET list. */
export function getAllPages<T>(
  http: ProviderHttp,
  { path, query, cursorParam }: PagedRequest,
  parsePage: ResponseParser<Page<T>>,
): Promise<T[]> {
  return collectPages((cursor) =>
    http.get(
      pathWithQuery(path, { ...query, [cursorParam]: cursor }),
      parsePage,
    ),
  );
}
