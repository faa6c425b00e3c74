import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatFormField,
  MatLabel,
  MatPrefix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { debounceTime } from 'rxjs';
import {
  DEFAULT_PAGE_SIZE,
  KNOWLEDGE_BASE_ROLES,
  KNOWLEDGE_BASE_SORT_FIELDS,
  type KnowledgeBaseModel,
  type KnowledgeBaseRole,
  type KnowledgeBaseSortField,
  type KnowledgeBaseWithModels,
} from '@llm-registry/contracts';
import {
  EmptyState,
  ErrorBanner,
  PageHeader,
  RelativeTimePipe,
} from '@llm-registry/admin/ui';
import { errorMessage } from '../../core/http/problem';
import { KnowledgeBasesApi } from './knowledge-bases.api';

@Component({
  selector: 'app-knowledge-bases-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatPaginator,
    MatProgressBar,
    MatSlideToggle,
    MatSort,
    MatSortHeader,
    MatTableModule,
    MatTooltip,
    EmptyState,
    ErrorBanner,
    PageHeader,
    RelativeTimePipe,
  ],
  templateUrl: './knowledge-bases-page.html',
  styleUrl: './knowledge-bases-page.scss',
})
export class KnowledgeBasesPage {
  private readonly api = inject(KnowledgeBasesApi);

  /** `?modelId=` from a model's delete dialog: the knowledge bases bound to it. */
  readonly modelId = input<string>();

  protected readonly roles = KNOWLEDGE_BASE_ROLES;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly scope = new FormControl('', { nonNullable: true });
  protected readonly q = signal('');
  protected readonly scopeFilter = signal('');
  protected readonly toMigrate = signal(false);
  protected readonly sort = signal<{
    active: KnowledgeBaseSortField;
    direction: 'asc' | 'desc';
  }>({
    active: 'name',
    direction: 'asc',
  });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  private readonly version = signal(0);

  protected readonly knowledgeBases = rxResource({
    params: () => ({
      q: this.q() || undefined,
      scope: this.scopeFilter() || undefined,
      modelId: this.modelId() || undefined,
      toMigrate: this.toMigrate() || undefined,
      sort: this.sort().active,
      order: this.sort().direction,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      version: this.version(),
    }),
    stream: ({ params: { version: _version, ...query } }) =>
      this.api.list(query),
  });
  protected readonly items = computed(
    () => this.knowledgeBases.value()?.items ?? [],
  );
  protected readonly columns = [
    'name',
    'embedding',
    'generation',
    'rerank',
    'updatedAt',
  ];
  protected readonly loadError = computed(() => {
    const error = this.knowledgeBases.error();
    return error ? errorMessage(error, 'Loading the knowledge bases') : '';
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.search.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(destroyRef))
      .subscribe((q) => {
        this.q.set(q.trim());
        this.pageIndex.set(0);
      });
    this.scope.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(destroyRef))
      .subscribe((s) => {
        this.scopeFilter.set(s.trim());
        this.pageIndex.set(0);
      });
  }

  protected modelFor(
    kb: KnowledgeBaseWithModels,
    role: KnowledgeBaseRole,
  ): KnowledgeBaseModel | null {
    return kb.models.find((m) => m.role === role) ?? null;
  }

  protected migrating(
    kb: KnowledgeBaseWithModels,
    model: KnowledgeBaseModel,
  ): boolean {
    return kb.toMigrate.some((m) => m.id === model.id && m.role === model.role);
  }

  protected reload(): void {
    this.version.update((v) => v + 1);
  }

  protected setToMigrate(value: boolean): void {
    this.toMigrate.set(value);
    this.pageIndex.set(0);
  }

  protected onSort(sort: Sort): void {
    const active = (KNOWLEDGE_BASE_SORT_FIELDS as readonly string[]).includes(
      sort.active,
    )
      ? (sort.active as KnowledgeBaseSortField)
      : 'name';
    this.sort.set({
      active,
      direction: sort.direction === 'desc' ? 'desc' : 'asc',
    });
    this.pageIndex.set(0);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(
      event.pageSize === this.pageSize() ? event.pageIndex : 0,
    );
    this.pageSize.set(event.pageSize);
  }
}
