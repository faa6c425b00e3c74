import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  AuditEventFilter,
  AuditEventListQuery,
  AuditEventPage,
  AuditExportFormat,
  AuditVerification,
} from '@llm-registry/contracts';
import { ADMIN_API } from '../../app.paths';
import { toParams } from '../models/models.api';

const AUDIT = `${ADMIN_API}/audit-events`;

/** The audit trail: `/api/v1/admin/audit-events`, newest first, paged by cursor. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditEventListQuery): Observable<AuditEventPage> {
    return this.http.get<AuditEventPage>(AUDIT, { params: toParams(query) });
  }

  verify(): Observable<AuditVerification> {
    return this.http.get<AuditVerification>(`${AUDIT}/verify`);
  }

  /** A download link: the session cookie authenticates it, the server streams the file. */
  exportUrl(filter: AuditEventFilter, format: AuditExportFormat): string {
    return `${AUDIT}/export?${toParams({ ...filter, format }).toString()}`;
  }
}
