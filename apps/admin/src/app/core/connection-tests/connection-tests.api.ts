import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  filter,
  map,
  type Observable,
  switchMap,
  take,
  timeout,
  timer,
} from 'rxjs';
import type {
  ConnectionTest,
  ConnectionTestAccepted,
  DraftConnectionTestRequest,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';

const POLL_MS = 400;
const GIVE_UP_MS = 120_000;

/** Connection tests are jobs: start one, then poll it until it has finished. */
@Injectable({ providedIn: 'root' })
export class ConnectionTestsApi {
  private readonly http = inject(HttpClient);

  testDraft(draft: DraftConnectionTestRequest): Observable<ConnectionTest> {
    return this.run(
      this.http.post<ConnectionTestAccepted>(`${ADMIN_API}/models/test`, draft),
    );
  }

  testModel(modelId: string): Observable<ConnectionTest> {
    return this.run(
      this.http.post<ConnectionTestAccepted>(
        `${ADMIN_API}/models/${modelId}/test`,
        {},
      ),
    );
  }

  testConnection(connectionId: string): Observable<ConnectionTest> {
    return this.run(
      this.http.post<ConnectionTestAccepted>(
        `${ADMIN_API}/providers/${connectionId}/test`,
        {},
      ),
    );
  }

  get(testId: string): Observable<ConnectionTest> {
    return this.http.get<ConnectionTest>(
      `${ADMIN_API}/connection-tests/${testId}`,
    );
  }

  private run(
    started: Observable<ConnectionTestAccepted>,
  ): Observable<ConnectionTest> {
    return started.pipe(
      switchMap(({ id }) =>
        timer(POLL_MS, POLL_MS).pipe(
          switchMap(() => this.get(id)),
          filter((test) => test.finishedAt !== null),
          take(1),
          timeout(GIVE_UP_MS),
        ),
      ),
      map((test) => test),
    );
  }
}
