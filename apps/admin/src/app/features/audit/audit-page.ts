import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  AUDIT_PAGE_LIMIT,
  type AuditEvent,
  type AuditEventFilter,
} from '@llm-registry/contracts';
import {
  ChangesDiff,
  EmptyState,
  ErrorBanner,
  PageHeader,
  RelativeTimePipe,
} from '@llm-registry/admin/ui';
import { errorMessage } from '../../core/http/problem';
import { bindTablesToUrl } from '../../shared/bind-tables-to-url';
import {
  dayParam,
  isOneOf,
  oneOfParam,
  textParam,
  UrlTableState,
} from '../../shared/url-table-state';
import { AuditApi } from './audit.api';

/** `model.updated` and `model.*` for every entity that has actions. */
export const ACTION_FILTERS: readonly string[] = [
  ...[...new Set(AUDIT_ACTIONS.map((action) => action.split('.')[0]))].map(
    (entity) => `${entity}.*`,
  ),
  ...AUDIT_ACTIONS,
];

/** A date input's day as the ISO instant it starts (`to` is exclusive: the day after). */
export function dayToIso(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (next) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

@Component({
  selector: 'app-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    MatSelect,
    MatOption,
    MatTooltip,
    ChangesDiff,
    EmptyState,
    ErrorBanner,
    PageHeader,
    RelativeTimePipe,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly actions = ACTION_FILTERS;
  protected readonly form = this.fb.group({
    entityType: '',
    action: '',
    actor: '',
    entityId: '',
    from: '',
    to: '',
  });
  /** The applied filters, kept in the URL; the form above holds the ones being edited. */
  protected readonly state = new UrlTableState({
    filters: {
      entityType: oneOfParam(AUDIT_ENTITY_TYPES),
      action: oneOfParam(ACTION_FILTERS),
      actor: textParam,
      entityId: textParam,
      from: dayParam,
      to: dayParam,
    },
  });
  protected readonly filter = computed<AuditEventFilter>(() => {
    const f = this.state.filters();
    return {
      entityType: f.entityType || undefined,
      action: f.action || undefined,
      actor: f.actor || undefined,
      entityId: f.entityId || undefined,
      from: dayToIso(f.from),
      to: dayToIso(f.to, true),
    };
  });
  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal('');
  protected readonly expanded = signal<string | null>(null);
  protected readonly verification = rxResource({
    stream: () => this.api.verify(),
  });
  protected readonly exportCsv = computed(() =>
    this.api.exportUrl(this.filter(), 'csv'),
  );
  protected readonly exportNdjson = computed(() =>
    this.api.exportUrl(this.filter(), 'ndjson'),
  );

  constructor() {
    bindTablesToUrl([this.state], () =>
      this.form.setValue(this.state.filters()),
    );
    // Every applied filter (Apply, Reset, the URL) starts the list over.
    effect(() => {
      this.filter();
      untracked(() => void this.load(false));
    });
  }

  protected apply(): void {
    const v = this.form.getRawValue();
    this.state.setFilters({
      ...v,
      entityType: isOneOf(AUDIT_ENTITY_TYPES, v.entityType) ? v.entityType : '',
      actor: v.actor.trim(),
      entityId: v.entityId.trim(),
    });
  }

  protected reset(): void {
    this.form.reset();
    this.apply();
  }

  protected async load(more: boolean): Promise<void> {
    this.loading.set(true);
    this.loadError.set('');
    try {
      const page = await firstValueFrom(
        this.api.list({
          ...this.filter(),
          cursor: more ? (this.nextCursor() ?? undefined) : undefined,
          limit: AUDIT_PAGE_LIMIT.default,
        }),
      );
      this.events.update((current) =>
        more ? [...current, ...page.items] : page.items,
      );
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.loadError.set(errorMessage(error, 'Loading the audit log'));
    } finally {
      this.loading.set(false);
    }
  }

  protected toggle(event: AuditEvent): void {
    this.expanded.set(this.expanded() === event.id ? null : event.id);
  }

  protected changedFields(event: AuditEvent): string {
    const fields = Object.keys(event.changes);
    if (fields.length === 0) return '';
    return fields.length > 4
      ? `${fields.slice(0, 4).join(', ')} +${fields.length - 4}`
      : fields.join(', ');
  }

  /** The status line itself shows the check running and its result. */
  protected reverify(): void {
    this.verification.reload();
  }
}
