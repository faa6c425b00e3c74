import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipRemove, MatChipRow, MatChipSet } from '@angular/material/chips';
import { MatTab, MatTabGroup, MatTabLabel } from '@angular/material/tabs';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import {
  MODEL_GUARD_CODES,
  MODEL_STATUSES,
  PROVIDER_CATALOG,
  getProviderSpec,
  type BulkAction,
  type Model,
  type ModelStatus,
  type ModelType,
  type ProviderId,
} from '@llm-registry/contracts';
import { describeFailedTest, TestResultChip } from '@llm-registry/admin/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { TYPE_TEXT } from '../../core/catalog/model-types';
import { ConnectionTestsApi } from '../../core/connection-tests/connection-tests.api';
import { problemOf } from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { bindTablesToUrl } from '../../shared/bind-tables-to-url';
import { BusyRows } from '../../shared/busy-rows';
import {
  LIST_FILTER_IMPORTS,
  LIST_PAGE_IMPORTS,
} from '../../shared/list-page-imports';
import { PagedList } from '../../shared/paged-list';
import { ProvidersApi } from '../providers/providers.api';
import type { RetireAction } from './delete-model-dialog';
import type { ModelDialogData } from './model-dialog';
import { ModelsDialogs } from './models-dialogs';
import { ModelsApi } from './models.api';
import {
  MODEL_TABS,
  ModelsTableState,
  type ModelTab,
} from './models-table.state';

const TAB_LABELS: Record<ModelTab, string> = {
  all: 'All',
  embedding: TYPE_TEXT.embedding.label,
  generation: TYPE_TEXT.generation.label,
  rerank: TYPE_TEXT.rerank.label,
};

@Component({
  selector: 'app-models-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...LIST_PAGE_IMPORTS,
    ...LIST_FILTER_IMPORTS,
    MatCheckbox,
    MatChipRemove,
    MatChipRow,
    MatChipSet,
    MatTabGroup,
    MatTab,
    MatTabLabel,
    TestResultChip,
  ],
  templateUrl: './models-page.html',
  styleUrl: './models-page.scss',
})
export class ModelsPage {
  private readonly api = inject(ModelsApi);
  private readonly connections = inject(ProvidersApi);
  private readonly tests = inject(ConnectionTestsApi);
  private readonly dialogs = inject(ModelsDialogs);
  private readonly notify = inject(Notify);
  protected readonly auth = inject(AuthStore);

  protected readonly state = new ModelsTableState();
  protected readonly tabs = MODEL_TABS;
  protected readonly tabLabels = TAB_LABELS;
  protected readonly providers = PROVIDER_CATALOG;
  protected readonly statuses = MODEL_STATUSES;
  protected readonly search = new FormControl('', { nonNullable: true });
  /** Rows with a request in flight (status, default, test). */
  protected readonly busy = new BusyRows();

  protected readonly models = new PagedList(
    () => this.state.query(),
    (query) => this.api.list(query),
    'Loading the models',
  );
  protected readonly counts = rxResource({
    params: () => this.state.filterQuery(),
    stream: ({ params }) => this.api.counts(params),
  });

  /** The connection the table is narrowed to, for its name (idle when there is none). */
  protected readonly connectionFilter = rxResource({
    params: () => this.state.filters().connection || undefined,
    stream: ({ params }) => this.connections.get(params),
  });

  protected readonly ids = computed(() => this.models.items().map((m) => m.id));
  protected readonly tabIndex = computed(() =>
    MODEL_TABS.indexOf(this.state.tab()),
  );
  protected readonly columns = computed(() => [
    ...(this.auth.canWrite() ? ['select'] : []),
    'name',
    ...(this.state.tab() === 'all' ? ['type'] : []),
    'provider',
    'status',
    'default',
    'lastTest',
    'priority',
    'updatedAt',
    'actions',
  ]);

  constructor() {
    bindTablesToUrl([this.state], () =>
      this.search.setValue(this.state.filters().q, { emitEvent: false }),
    );
    this.search.valueChanges
      .pipe(
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((q) => this.state.setFilters({ q }));
    // A page emptied by deletions steps back.
    effect(() => {
      const page = this.models.value();
      if (page && page.items.length === 0 && page.total > 0)
        untracked(() => this.state.stepBackIfBeyond(page.total));
    });
  }

  protected typeLabel(type: ModelType): string {
    return TYPE_TEXT[type].label;
  }

  protected providerLabel(id: ProviderId): string {
    return getProviderSpec(id).label;
  }

  protected reload(): void {
    this.models.reload();
    this.counts.reload();
  }

  protected onTab(index: number): void {
    this.state.setTab(MODEL_TABS[index] ?? 'all');
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.state.clearFilters();
  }

  protected async openCreate(): Promise<void> {
    const tab = this.state.tab();
    await this.openDialog({ type: tab === 'all' ? undefined : tab });
  }

  protected async openEdit(model: Model): Promise<void> {
    await this.openDialog({ model, readOnly: !this.auth.canWrite() });
  }

  private async openDialog(data: ModelDialogData): Promise<void> {
    if (await this.dialogs.edit(data)) this.reload();
  }

  protected async openImport(): Promise<void> {
    if (await this.dialogs.import()) this.reload();
  }

  protected async toggleStatus(model: Model, active: boolean): Promise<void> {
    const status: ModelStatus = active ? 'active' : 'inactive';
    await this.busy.run(model.id, async () => {
      try {
        await firstValueFrom(this.api.setStatus(model, status));
        this.notify.success(`${model.name} is now ${status}.`);
      } catch (error) {
        if (problemOf(error)?.code === MODEL_GUARD_CODES.inUse) {
          // Knowledge bases rely on it: offer who takes them over.
          await this.retire(model, 'deactivate');
        } else {
          this.notify.error(error, `Changing the status of ${model.name}`);
        }
      }
      this.reload();
    });
  }

  protected async makeDefault(model: Model): Promise<void> {
    if (model.isDefault) return;
    await this.busy.run(model.id, async () => {
      try {
        await firstValueFrom(this.api.setDefault(model));
        this.notify.success(
          `${model.name} is now the default ${model.type} model in scope ${model.scope}.`,
        );
      } catch (error) {
        this.notify.error(error, `Making ${model.name} the default`);
      }
      this.reload();
    });
  }

  protected async testNow(model: Model): Promise<void> {
    await this.busy.run(model.id, async () => {
      try {
        const result = await firstValueFrom(this.tests.testModel(model.id));
        if (result.status === 'passed')
          this.notify.success(
            `${model.name}: test passed in ${result.latencyMs} ms.`,
          );
        else
          this.notify.error(
            new Error(describeFailedTest(result)),
            `Testing ${model.name}`,
          );
      } catch (error) {
        this.notify.error(error, `Testing ${model.name}`);
      }
      this.reload();
    });
  }

  protected async deprecate(model: Model): Promise<void> {
    if (await this.dialogs.deprecate(model)) this.reload();
  }

  protected async delete(model: Model): Promise<void> {
    await this.retire(model, 'delete');
  }

  private async retire(model: Model, action: RetireAction): Promise<void> {
    if (!(await this.dialogs.retire(model, action))) return;
    this.state.selected.update((s) => {
      const next = new Set(s);
      next.delete(model.id);
      return next;
    });
    this.reload();
  }

  protected async bulk(action: BulkAction): Promise<void> {
    const ids = [...this.state.selected()];
    const names = new Map(this.models.items().map((m) => [m.id, m.name]));
    if (
      action === 'delete' &&
      !(await this.dialogs.confirmBulkDelete(
        ids.map((id) => names.get(id) ?? id),
      ))
    )
      return;
    try {
      const response = await firstValueFrom(this.api.bulk({ action, ids }));
      this.state.clearSelection();
      const verb = {
        activate: 'activated',
        deactivate: 'deactivated',
        delete: 'deleted',
      }[action];
      if (response.failed === 0) {
        this.notify.success(
          `${response.succeeded} model${response.succeeded === 1 ? '' : 's'} ${verb}.`,
        );
      } else {
        this.dialogs.showBulkResults(response, Object.fromEntries(names));
      }
    } catch (error) {
      this.notify.error(error, 'The bulk action');
    }
    this.reload();
  }
}
