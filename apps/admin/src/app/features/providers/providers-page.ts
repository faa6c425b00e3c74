import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { debounceTime, firstValueFrom, timer } from 'rxjs';
import {
  CONNECTION_SORT_FIELDS,
  PROVIDER_CATALOG,
  PROVIDER_IDS,
  getProviderSpec,
  type ProviderConnection,
  type ProviderId,
  type ProxySyncRunStatus,
} from '@llm-registry/contracts';
import {
  ConfirmDialog,
  type ConfirmDialogData,
  describeFailedTest,
  TestResultChip,
} from '@llm-registry/admin/ui';
import { credentialText } from '../../core/catalog/connection-text';
import { AuthStore } from '../../core/auth/auth.store';
import { ConnectionTestsApi } from '../../core/connection-tests/connection-tests.api';
import { Notify } from '../../core/notify';
import { bindTablesToUrl } from '../../shared/bind-tables-to-url';
import { BusyRows } from '../../shared/busy-rows';
import {
  LIST_FILTER_IMPORTS,
  LIST_PAGE_IMPORTS,
} from '../../shared/list-page-imports';
import { PagedList } from '../../shared/paged-list';
import {
  oneOfParam,
  PAGE_SIZES,
  textParam,
  UrlTableState,
} from '../../shared/url-table-state';
import {
  DeleteConnectionDialog,
  type DeleteConnectionData,
} from './delete-connection-dialog';
import { ConnectionDialog } from './connection-dialog';
import { ImportModelsDialog } from './import-models-dialog';
import { ProvidersApi } from './providers.api';
import { ProxySyncApi } from './proxy-sync.api';
import { SecretsApi } from './secrets.api';

@Component({
  selector: 'app-providers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...LIST_PAGE_IMPORTS,
    ...LIST_FILTER_IMPORTS,
    MatProgressBar,
    TestResultChip,
  ],
  templateUrl: './providers-page.html',
  styleUrl: './providers-page.scss',
})
export class ProvidersPage {
  private readonly api = inject(ProvidersApi);
  private readonly tests = inject(ConnectionTestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly secrets = inject(SecretsApi);
  private readonly proxySync = inject(ProxySyncApi);
  protected readonly auth = inject(AuthStore);

  protected readonly providers = PROVIDER_CATALOG;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly state = new UrlTableState({
    filters: { q: textParam, provider: oneOfParam(PROVIDER_IDS) },
    sort: {
      fields: CONNECTION_SORT_FIELDS,
      default: { active: 'name', direction: 'asc' },
    },
    pageSizes: PAGE_SIZES,
  });
  /** Connections being tested. */
  protected readonly testing = new BusyRows();
  protected readonly connections = new PagedList(
    () => {
      const { q, provider } = this.state.filters();
      return {
        q: q.trim() || undefined,
        provider: provider || undefined,
        ...this.state.pageQuery(),
      };
    },
    (query) => this.api.list(query),
    'Loading the connections',
  );
  protected readonly columns = [
    'name',
    'baseUrl',
    'credential',
    'enabled',
    'lastTest',
    'models',
    'updatedAt',
    'actions',
  ];
  protected readonly credentialText = credentialText;
  protected readonly keyStatus = rxResource({
    stream: () => this.secrets.status(),
  });
  protected readonly rotating = signal(false);
  protected readonly mirror = rxResource({
    stream: () => this.proxySync.status(),
  });
  protected readonly reconciling = signal(false);

  constructor() {
    bindTablesToUrl([this.state], () =>
      this.search.setValue(this.state.filters().q, { emitEvent: false }),
    );
    this.search.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.state.setFilters({ q: q.trim() }));
  }

  protected providerLabel(id: ProviderId): string {
    return getProviderSpec(id).label;
  }

  protected reload(): void {
    this.connections.reload();
  }

  protected setProvider(provider: ProviderId | ''): void {
    this.state.setFilters({ provider });
  }

  protected edit(connection?: ProviderConnection): void {
    this.dialog
      .open(ConnectionDialog, {
        data: { connection },
        width: '760px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved?: ProviderConnection) => {
        if (saved) this.reload();
      });
  }

  protected discover(connection: ProviderConnection): void {
    this.dialog
      .open(ImportModelsDialog, {
        data: { connection },
        width: '960px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((imported?: number) => {
        if (imported) this.reload();
      });
  }

  protected async test(connection: ProviderConnection): Promise<void> {
    await this.testing.run(connection.id, async () => {
      try {
        const result = await firstValueFrom(
          this.tests.testConnection(connection.id),
        );
        if (result.status === 'passed') {
          const count = result.details.remoteModelCount;
          this.notify.success(
            `${connection.name}: passed in ${result.latencyMs} ms${count === undefined ? '' : `, ${count} models listed`}.`,
          );
        } else {
          this.notify.error(
            new Error(describeFailedTest(result)),
            `Testing ${connection.name}`,
          );
        }
      } catch (error) {
        this.notify.error(error, `Testing ${connection.name}`);
      }
    });
    this.reload();
  }

  /** Re-wraps every stored secret under the primary key (a new one first, when the keyring is a file). */
  protected async rotate(): Promise<void> {
    const status = this.keyStatus.value();
    if (!status) return;
    const generate = status.managedBy === 'file';
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: 'Rotate the master key?',
            message: generate
              ? 'A new master key is added to the keyring file and every stored secret is re-wrapped with it while the registry keeps answering. Back up the keyring file afterwards.'
              : 'Every stored secret is re-wrapped under the primary key from REGISTRY_MASTER_KEY while the registry keeps answering. Set the new key (and the old one in REGISTRY_MASTER_KEY_PREVIOUS) and restart first.',
            confirmLabel: 'Rotate',
          },
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    this.rotating.set(true);
    try {
      const result = await firstValueFrom(this.secrets.rotate(generate));
      this.notify.success(
        `Secrets re-wrapped under key ${result.primaryKeyId}: ${result.rewrapped} updated.`,
      );
    } catch (error) {
      this.notify.error(error, 'Rotating the master key');
    } finally {
      this.rotating.set(false);
      this.keyStatus.reload();
    }
  }

  /** Runs a reconcile now and reports what it found and fixed once it has finished. */
  protected async reconcile(): Promise<void> {
    this.reconciling.set(true);
    try {
      const { id } = await firstValueFrom(this.proxySync.reconcile());
      let run = await firstValueFrom(this.proxySync.run(id));
      for (let polls = 0; polls < 60 && !isFinished(run.status); polls += 1) {
        await firstValueFrom(timer(1000));
        run = await firstValueFrom(this.proxySync.run(id));
      }
      if (run.status === 'succeeded')
        this.notify.success(
          `LiteLLM reconciled: ${run.driftFixed} difference${run.driftFixed === 1 ? '' : 's'} fixed, ${run.writes} write${run.writes === 1 ? '' : 's'}.`,
        );
      else if (run.status === 'failed')
        this.notify.error(
          new Error(run.error ?? 'the run failed'),
          'Reconciling LiteLLM',
        );
      else
        this.notify.success(
          'The reconcile is still running; its result will show here.',
        );
    } catch (error) {
      this.notify.error(error, 'Reconciling LiteLLM');
    } finally {
      this.reconciling.set(false);
      this.mirror.reload();
    }
  }

  protected async remove(connection: ProviderConnection): Promise<void> {
    const deleted = await firstValueFrom(
      this.dialog
        .open<
          DeleteConnectionDialog,
          DeleteConnectionData,
          boolean
        >(DeleteConnectionDialog, { data: { connection }, width: '680px' })
        .afterClosed(),
    );
    if (deleted) this.reload();
  }
}

function isFinished(status: ProxySyncRunStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}
