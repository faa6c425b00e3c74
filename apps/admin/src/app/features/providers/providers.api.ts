import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CreateProviderConnectionRequest,
  ImportModelsRequest,
  ImportModelsResponse,
  ModelType,
  Page,
  ProviderConnection,
  ProviderConnectionListQuery,
  RemoteModelPage,
  UpdateProviderConnectionRequest,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';
import { toParams } from '../models/models.api';

const PROVIDERS = `${ADMIN_API}/providers`;

export interface RemoteModelQuery {
  q?: string;
  type?: ModelType;
  page?: number;
  pageSize?: number;
}

/** Provider connections: `/api/v1/admin/providers`. Answers never carry a secret, only masked hints. */
@Injectable({ providedIn: 'root' })
export class ProvidersApi {
  private readonly http = inject(HttpClient);

  list(
    query: ProviderConnectionListQuery = {},
  ): Observable<Page<ProviderConnection>> {
    return this.http.get<Page<ProviderConnection>>(PROVIDERS, {
      params: toParams(query),
    });
  }

  get(id: string): Observable<ProviderConnection> {
    return this.http.get<ProviderConnection>(`${PROVIDERS}/${id}`);
  }

  create(
    body: CreateProviderConnectionRequest,
  ): Observable<ProviderConnection> {
    return this.http.post<ProviderConnection>(PROVIDERS, body);
  }

  update(
    id: string,
    body: UpdateProviderConnectionRequest,
  ): Observable<ProviderConnection> {
    return this.http.patch<ProviderConnection>(`${PROVIDERS}/${id}`, body);
  }

  remove(
    connection: Pick<ProviderConnection, 'id' | 'version'>,
  ): Observable<void> {
    return this.http.delete<void>(`${PROVIDERS}/${connection.id}`, {
      params: toParams({ version: connection.version }),
    });
  }

  remoteModels(
    id: string,
    query: RemoteModelQuery,
  ): Observable<RemoteModelPage> {
    return this.http.get<RemoteModelPage>(`${PROVIDERS}/${id}/remote-models`, {
      params: toParams(query),
    });
  }

  importModels(
    id: string,
    body: ImportModelsRequest,
  ): Observable<ImportModelsResponse> {
    return this.http.post<ImportModelsResponse>(
      `${PROVIDERS}/${id}/import`,
      body,
    );
  }
}
