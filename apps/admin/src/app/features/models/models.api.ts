import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { forkJoin, map, type Observable } from 'rxjs';
import type {
  BulkActionRequest,
  BulkActionResponse,
  CreateModelRequest,
  Model,
  ModelListQuery,
  ModelReplacement,
  ModelStatus,
  Page,
  UpdateModelRequest,
  UpdateModelStatusRequest,
  ConnectionTest,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';
import { MODEL_TABS, type ModelTab } from './models-table.state';

const MODELS = `${ADMIN_API}/models`;

/** Query parameters without the unset ones. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '')
      params = params.set(key, String(value));
  }
  return params;
}

/** Models as admins manage them: `/api/v1/admin/models`. */
@Injectable({ providedIn: 'root' })
export class ModelsApi {
  private readonly http = inject(HttpClient);

  list(query: ModelListQuery): Observable<Page<Model>> {
    return this.http.get<Page<Model>>(MODELS, { params: toParams(query) });
  }

  /** How many models each tab holds under the same filters (one small request per tab). */
  counts(query: ModelListQuery): Observable<Record<ModelTab, number>> {
    const base = { ...query, page: 1, pageSize: 1, type: undefined };
    return forkJoin(
      MODEL_TABS.map((tab) =>
        this.list({ ...base, type: tab === 'all' ? undefined : tab }).pipe(
          map((page) => [tab, page.total] as const),
        ),
      ),
    ).pipe(
      map((entries) => Object.fromEntries(entries) as Record<ModelTab, number>),
    );
  }

  get(id: string): Observable<Model> {
    return this.http.get<Model>(`${MODELS}/${id}`);
  }

  create(body: CreateModelRequest): Observable<Model> {
    return this.http.post<Model>(MODELS, body);
  }

  update(id: string, body: UpdateModelRequest): Observable<Model> {
    return this.http.patch<Model>(`${MODELS}/${id}`, body);
  }

  /** Leaving active while knowledge bases rely on the model needs a replacement. */
  setStatus(
    model: Pick<Model, 'id' | 'version'>,
    status: ModelStatus,
    replacement: ModelReplacement = {},
  ): Observable<Model> {
    return this.http.patch<Model>(`${MODELS}/${model.id}/status`, {
      status,
      version: model.version,
      ...replacement,
    });
  }

  setDefault(model: Pick<Model, 'id' | 'version'>): Observable<Model> {
    return this.http.patch<Model>(`${MODELS}/${model.id}/default`, {
      version: model.version,
    });
  }

  /** 409 MODEL_IN_USE while knowledge bases rely on it, unless `reassignTo` names who takes over. */
  remove(
    model: Pick<Model, 'id' | 'version'>,
    replacement: ModelReplacement = {},
  ): Observable<void> {
    return this.http.delete<void>(`${MODELS}/${model.id}`, {
      params: toParams({ version: model.version, ...replacement }),
    });
  }

  /** Deprecated models keep serving their knowledge bases until they move to the successor. */
  deprecate(
    model: Pick<Model, 'id' | 'version'>,
    details: Pick<
      UpdateModelStatusRequest,
      'sunsetAt' | 'successorId' | 'newDefaultId'
    >,
  ): Observable<Model> {
    return this.http.patch<Model>(`${MODELS}/${model.id}/status`, {
      status: 'deprecated',
      version: model.version,
      ...details,
    });
  }

  /** The model's connection tests, newest first. */
  tests(id: string, pageSize = 5): Observable<Page<ConnectionTest>> {
    return this.http.get<Page<ConnectionTest>>(`${MODELS}/${id}/tests`, {
      params: toParams({ pageSize }),
    });
  }

  bulk(body: BulkActionRequest): Observable<BulkActionResponse> {
    return this.http.post<BulkActionResponse>(`${MODELS}/bulk`, body);
  }
}
