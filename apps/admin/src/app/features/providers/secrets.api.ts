import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ADMIN_API } from '../../app.paths';

/** `GET /api/v1/admin/secrets/status` (the API's KeyStatusDto; not part of the shared contracts yet). */
export interface MasterKeyStatus {
  primaryKeyId: string;
  managedBy: 'environment' | 'file';
  /** Secrets still wrapped by an older key. */
  pendingRewrap: number;
}

/** `POST /api/v1/admin/secrets/rotate` */
export interface RotationResult {
  primaryKeyId: string;
  rewrapped: number;
  generatedNewKey: boolean;
}

/** The master key that encrypts stored provider secrets, and its rotation. */
@Injectable({ providedIn: 'root' })
export class SecretsApi {
  private readonly http = inject(HttpClient);

  status(): Observable<MasterKeyStatus> {
    return this.http.get<MasterKeyStatus>(`${ADMIN_API}/secrets/status`);
  }

  rotate(generateNewKey: boolean): Observable<RotationResult> {
    return this.http.post<RotationResult>(`${ADMIN_API}/secrets/rotate`, {
      generateNewKey,
    });
  }
}
