import type { DoubleModel } from '../provider-double.types';
import type {
  DoubleRequest,
  DoubleSettings,
  Route,
  RouteResult,
} from './double-definition';

export interface PageLimits {
  /** What the provider uses when the client asks for nothing. */
  default: number;
  max: number;
}

/** A model list that the provider answers a page at a time. */
export interface PagedList {
  path: string;
  /** The query parameter with the client's page size (`limit`, `pageSize`, `page_size`). */
  sizeParam: string;
  limits: PageLimits;
  /** One page of at most `size` models, in the provider's wire format. */
  page(
    request: DoubleRequest,
    models: DoubleModel[],
    size: number,
  ): RouteResult;
}

/** A GET route for a paged list; the double's `pageSize` option caps what the client asks for. */
export function pagedListRoute(
  list: PagedList,
  { models, pageSize }: DoubleSettings,
): Route {
  return {
    method: 'GET',
    path: list.path,
    handle: (request) =>
      list.page(
        request,
        models,
        pageSizeOf(request.query.get(list.sizeParam), list.limits, pageSize),
      ),
  };
}

/** The client's page size within the provider's limits, capped further by the double's `pageSize` option. */
function pageSizeOf(
  requested: string | null,
  limits: PageLimits,
  cap: number | undefined,
): number {
  const asked = Number(requested ?? Number.NaN);
  const size =
    Number.isInteger(asked) && asked > 0
      ? Math.min(asked, limits.max)
      : limits.default;
  return cap === undefined ? size : Math.min(size, cap);
}

export interface TokenPage<T> {
  items: T[];
  nextPageToken: string | null;
}

/** A page for providers with opaque page tokens (Gemini, Cohere); null when the token is not one of ours. */
export function tokenPage<T>(
  items: readonly T[],
  token: string | null,
  size: number,
): TokenPage<T> | null {
  const start = offsetOf(token);
  if (start === null) return null;
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextPageToken: end < items.length ? tokenFor(end) : null,
  };
}

// Tokens look opaque, as the providers' do, but carry the offset of the page.
function tokenFor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function offsetOf(token: string | null): number | null {
  if (!token) return 0;
  const match = /^offset:(\d+)$/.exec(
    Buffer.from(token, 'base64url').toString('utf8'),
  );
  return match ? Number(match[1]) : null;
}
