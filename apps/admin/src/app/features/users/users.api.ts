import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ApiKey,
  CreateApiKeyRequest,
  CreatedApiKey,
  CreateUserRequest,
  Page,
  UpdateUserRequest,
  User,
  UserRole,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';
import { toParams } from '../models/models.api';

export interface UserListQuery {
  q?: string;
  role?: UserRole;
  page?: number;
  pageSize?: number;
}

/** Users (`/admin/users`) and service API keys (`/admin/api-keys`); admins only. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  listUsers(query: UserListQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>(`${ADMIN_API}/users`, {
      params: toParams(query),
    });
  }

  createUser(body: CreateUserRequest): Observable<User> {
    return this.http.post<User>(`${ADMIN_API}/users`, body);
  }

  updateUser(id: string, body: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${ADMIN_API}/users/${id}`, body);
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`${ADMIN_API}/users/${id}/password`, {
      password,
    });
  }

  deleteUser(id: string): Observable<void> {
    return this.http.delete<void>(`${ADMIN_API}/users/${id}`);
  }

  listKeys(page: number, pageSize: number): Observable<Page<ApiKey>> {
    return this.http.get<Page<ApiKey>>(`${ADMIN_API}/api-keys`, {
      params: toParams({ page, pageSize }),
    });
  }

  createKey(body: CreateApiKeyRequest): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>(`${ADMIN_API}/api-keys`, body);
  }

  revokeKey(id: string): Observable<void> {
    return this.http.delete<void>(`${ADMIN_API}/api-keys/${id}`);
  }
}
