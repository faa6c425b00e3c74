import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ProxySyncRun,
  ProxySyncRunAccepted,
  ProxySyncStatus,
} from '@llm-registry/contracts';
import type { Observable } from 'rxjs';
import { ADMIN_API } from '../../app.paths';

/** The LiteLLM mirror: its state and on-demand reconciles. */
@Injectable({ providedIn: 'root' })
export class ProxySyncApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${ADMIN_API}/proxy-sync`;

  status(): Observable<ProxySyncStatus> {
    return this.http.get<ProxySyncStatus>(this.base);
  }

  /** Queues a reconcile; poll `run(id)` until it has finished. */
  reconcile(): Observable<ProxySyncRunAccepted> {
    return this.http.post<ProxySyncRunAccepted>(`${this.base}/reconcile`, {});
  }

  run(id: string): Observable<ProxySyncRun> {
    return this.http.get<ProxySyncRun>(`${this.base}/runs/${id}`);
  }
}
