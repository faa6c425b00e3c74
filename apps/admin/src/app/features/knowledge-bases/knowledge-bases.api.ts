import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  KnowledgeBaseListQuery,
  KnowledgeBaseWithModels,
  ModelDependents,
  Page,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';
import { toParams } from '../models/models.api';

/** Which knowledge base uses which model (services declare them; admins and viewers read them). */
@Injectable({ providedIn: 'root' })
export class KnowledgeBasesApi {
  private readonly http = inject(HttpClient);

  list(
    query: KnowledgeBaseListQuery,
  ): Observable<Page<KnowledgeBaseWithModels>> {
    return this.http.get<Page<KnowledgeBaseWithModels>>(
      `${ADMIN_API}/knowledge-bases`,
      {
        params: toParams(query),
      },
    );
  }

  /** Who relies on a model, and the models that could take over. */
  dependents(modelId: string): Observable<ModelDependents> {
    return this.http.get<ModelDependents>(
      `${ADMIN_API}/models/${modelId}/dependents`,
    );
  }
}
