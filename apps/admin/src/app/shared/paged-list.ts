import { computed } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import type { Page } from '@llm-registry/contracts';
import { errorMessage } from '../core/http/problem';

/**
 * One page of a list page's table: loaded whenever its query changes, again on `reload()`, with its
 * failure as one readable sentence. Create it in a field initializer (it holds a resource).
 */
export class PagedList<Q, T> {
  private readonly resource;
  /** The page; undefined while loading the first time or after a failure (reading a failed resource throws). */
  readonly value = computed(() =>
    this.resource.hasValue() ? this.resource.value() : undefined,
  );
  readonly isLoading;
  readonly items = computed(() => this.value()?.items ?? []);
  readonly total = computed(() => this.value()?.total ?? 0);
  readonly loadError = computed(() => {
    const error = this.resource.error();
    return error ? errorMessage(error, this.action) : '';
  });

  constructor(
    query: () => Q,
    load: (query: Q) => Observable<Page<T>>,
    /** What failed, for the message: `Loading the connections`. */
    private readonly action: string,
  ) {
    this.resource = rxResource({
      params: query,
      stream: ({ params }) => load(params),
    });
    this.isLoading = this.resource.isLoading;
  }

  reload(): void {
    this.resource.reload();
  }
}
