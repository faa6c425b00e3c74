import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { debounceTime } from 'rxjs';
import {
  KNOWLEDGE_BASE_ROLES,
  KNOWLEDGE_BASE_SORT_FIELDS,
  type KnowledgeBaseModel,
  type KnowledgeBaseRole,
  type KnowledgeBaseWithModels,
} from '@llm-registry/contracts';
import { bindTablesToUrl } from '../../shared/bind-tables-to-url';
import {
  LIST_FILTER_IMPORTS,
  LIST_PAGE_IMPORTS,
} from '../../shared/list-page-imports';
import { PagedList } from '../../shared/paged-list';
import {
  flagParam,
  PAGE_SIZES,
  textParam,
  UrlTableState,
  uuidParam,
} from '../../shared/url-table-state';
import { KnowledgeBasesApi } from './knowledge-bases.api';

@Component({
  selector: 'app-knowledge-bases-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...LIST_PAGE_IMPORTS, ...LIST_FILTER_IMPORTS, RouterLink],
  templateUrl: './knowledge-bases-page.html',
  styleUrl: './knowledge-bases-page.scss',
})
export class KnowledgeBasesPage {
  private readonly api = inject(KnowledgeBasesApi);

  protected readonly roles = KNOWLEDGE_BASE_ROLES;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly scope = new FormControl('', { nonNullable: true });
  protected readonly state = new UrlTableState({
    filters: {
      q: textParam,
      scope: textParam,
      toMigrate: flagParam,
      /** `?modelId=` from a model's delete dialog: the knowledge bases bound to it. */
      modelId: uuidParam,
    },
    sort: {
      fields: KNOWLEDGE_BASE_SORT_FIELDS,
      default: { active: 'name', direction: 'asc' },
    },
    pageSizes: PAGE_SIZES,
  });
  protected readonly knowledgeBases = new PagedList(
    () => {
      const { q, scope, toMigrate, modelId } = this.state.filters();
      return {
        q: q || undefined,
        scope: scope || undefined,
        modelId: modelId || undefined,
        toMigrate: toMigrate || undefined,
        ...this.state.pageQuery(),
      };
    },
    (query) => this.api.list(query),
    'Loading the knowledge bases',
  );
  protected readonly columns = [
    'name',
    'embedding',
    'generation',
    'rerank',
    'updatedAt',
  ];

  constructor() {
    const destroyRef = inject(DestroyRef);
    bindTablesToUrl([this.state], () => {
      const { q, scope } = this.state.filters();
      this.search.setValue(q, { emitEvent: false });
      this.scope.setValue(scope, { emitEvent: false });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(destroyRef))
      .subscribe((q) => this.state.setFilters({ q: q.trim() }));
    this.scope.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(destroyRef))
      .subscribe((scope) => this.state.setFilters({ scope: scope.trim() }));
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
    this.knowledgeBases.reload();
  }

  protected setToMigrate(toMigrate: boolean): void {
    this.state.setFilters({ toMigrate });
  }
}
