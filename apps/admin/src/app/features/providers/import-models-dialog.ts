import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { debounceTime, firstValueFrom, map, of } from 'rxjs';
import {
  MAX_PAGE_SIZE,
  MODEL_TYPES,
  getProviderSpec,
  type ImportItemResult,
  type ModelType,
  type ProviderConnection,
  type RemoteModelListing,
} from '@llm-registry/contracts';
import { EmptyState, ErrorBanner } from '@llm-registry/admin/ui';
import { FORM_DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { errorMessage } from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { ProvidersApi } from './providers.api';

export interface ImportModelsData {
  connection?: ProviderConnection;
}

const PAGE_SIZE = 25;

/** Discovery: what a connection's provider offers, registered in a few clicks (inactive by default). */
@Component({
  selector: 'app-import-models-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...FORM_DIALOG_IMPORTS,
    MatCheckbox,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatOption,
    EmptyState,
    ErrorBanner,
  ],
  templateUrl: './import-models-dialog.html',
  styleUrl: './import-models-dialog.scss',
})
export class ImportModelsDialog {
  private readonly data = inject<ImportModelsData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<ImportModelsDialog, number>);
  private readonly api = inject(ProvidersApi);
  private readonly notify = inject(Notify);

  protected readonly types = MODEL_TYPES;
  protected readonly connectionId = signal(this.data.connection?.id ?? '');
  protected readonly typeFilter = signal<ModelType | ''>('');
  protected readonly q = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = signal<'inactive' | 'active'>('inactive');
  /** Chosen models by modelName, with the type to register them as. */
  protected readonly chosen = signal<ReadonlyMap<string, ModelType | null>>(
    new Map(),
  );
  protected readonly importing = signal(false);
  protected readonly results = signal<ImportItemResult[] | null>(null);

  protected readonly connections = rxResource({
    stream: () =>
      this.data.connection
        ? of([this.data.connection])
        : this.api
            .list({ pageSize: MAX_PAGE_SIZE, sort: 'name' })
            .pipe(map((p) => p.items)),
  });
  protected readonly remote = rxResource({
    params: () => ({
      id: this.connectionId(),
      q: this.q(),
      type: this.typeFilter(),
      page: this.pageIndex() + 1,
    }),
    stream: ({ params }) =>
      params.id
        ? this.api.remoteModels(params.id, {
            q: params.q || undefined,
            type: params.type || undefined,
            page: params.page,
            pageSize: PAGE_SIZE,
          })
        : of(null),
  });
  protected readonly items = computed(() => this.remote.value()?.items ?? []);
  protected readonly loadError = computed(() => {
    const error = this.remote.error();
    return error
      ? errorMessage(error, 'Asking the provider for its models')
      : '';
  });
  protected readonly missingType = computed(() =>
    [...this.chosen().values()].some((type) => type === null),
  );

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => {
        this.q.set(q.trim());
        this.pageIndex.set(0);
      });
  }

  protected providerLabel(connection: ProviderConnection): string {
    return `${connection.name} (${getProviderSpec(connection.provider).label})`;
  }

  protected selectConnection(id: string): void {
    this.connectionId.set(id);
    this.pageIndex.set(0);
    this.chosen.set(new Map());
    this.results.set(null);
  }

  protected setTypeFilter(type: ModelType | ''): void {
    this.typeFilter.set(type);
    this.pageIndex.set(0);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected isChosen(item: RemoteModelListing): boolean {
    return this.chosen().has(item.modelName);
  }

  protected toggle(item: RemoteModelListing): void {
    this.chosen.update((current) => {
      const next = new Map(current);
      if (next.has(item.modelName)) next.delete(item.modelName);
      else next.set(item.modelName, item.type);
      return next;
    });
  }

  protected typeOf(item: RemoteModelListing): ModelType | null {
    return this.chosen().get(item.modelName) ?? item.type;
  }

  protected setType(item: RemoteModelListing, type: ModelType): void {
    this.chosen.update((current) => new Map(current).set(item.modelName, type));
  }

  protected async import(): Promise<void> {
    const id = this.connectionId();
    const models = [...this.chosen().entries()].map(([modelName, type]) => ({
      modelName,
      ...(type ? { type } : {}),
    }));
    if (!id || models.length === 0) return;
    this.importing.set(true);
    try {
      const response = await firstValueFrom(
        this.api.importModels(id, { models, status: this.status() }),
      );
      this.results.set(response.results);
      this.chosen.set(new Map());
      this.remote.reload();
      if (response.failed === 0) {
        this.notify.success(
          `${response.succeeded} model${response.succeeded === 1 ? '' : 's'} imported as ${this.status()}.`,
        );
        this.dialogRef.close(response.succeeded);
      }
    } catch (error) {
      this.notify.error(error, 'Importing the models');
    } finally {
      this.importing.set(false);
    }
  }

  protected close(): void {
    const imported = (this.results() ?? []).filter((r) => r.ok).length;
    this.dialogRef.close(imported);
  }
}
