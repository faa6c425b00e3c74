import { effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, type Params } from '@angular/router';

/** What a table keeps in the URL. */
export interface UrlBoundTable {
  toQueryParams(): Params;
  fromQueryParams(params: Params): void;
  matches(params: Params): boolean;
}

/**
 * Keeps a page's tables and its URL in step: the tables start from the URL and follow it when a link
 * or the back button changes it; the URL follows the tables (replacing the entry, so the back button
 * leaves the page rather than undoing each filter). `restored` runs after the URL changed the tables,
 * for inputs that keep their own text (a search box). Call it from the page's constructor.
 */
export function bindTablesToUrl(
  tables: readonly UrlBoundTable[],
  restored?: () => void,
): void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  // Our own navigations are already reflected in the tables.
  let writing = 0;
  route.queryParams.pipe(takeUntilDestroyed()).subscribe((params) => {
    if (writing > 0) return;
    const stale = tables.filter((table) => !table.matches(params));
    if (stale.length === 0) return;
    stale.forEach((table) => table.fromQueryParams(params));
    restored?.();
  });
  effect(() => {
    const queryParams = Object.assign(
      {},
      ...tables.map((table) => table.toQueryParams()),
    ) as Record<string, unknown>;
    untracked(() => {
      writing += 1;
      void router
        .navigate([], { queryParams, replaceUrl: true })
        .finally(() => (writing -= 1));
    });
  });
}
