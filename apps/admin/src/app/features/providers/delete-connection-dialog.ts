import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  getProviderSpec,
  type Model,
  type ProviderConnection,
} from '@llm-registry/contracts';
import { ReplacementSelect } from '@llm-registry/admin/ui';
import { connectionLabel } from '../../core/catalog/connection-text';
import { errorMessage, problemOf } from '../../core/http/problem';
import { DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
import { ModelsApi } from '../models/models.api';
import { ProvidersApi } from './providers.api';

/** Models a dialog lists and moves at once; a connection used by more is handled from the models page. */
const MAX_MOVED = 100;

export interface DeleteConnectionData {
  connection: ProviderConnection;
}

interface MoveFailure {
  model: Model;
  message: string;
}

/**
 * Deleting a provider connection, guarded like a model: the models using it are listed, and they can
 * move to another enabled connection of the same provider first (each move is an ordinary, audited
 * model update, so a pinned embedding model refuses with its reason). The connection goes only once
 * nothing uses it. Closes with true when deleted.
 */
@Component({
  selector: 'app-delete-connection-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...DIALOG_IMPORTS,
    RouterLink,
    MatIcon,
    MatProgressBar,
    ReplacementSelect,
  ],
  templateUrl: './delete-connection-dialog.html',
  styleUrl: '../models/delete-model-dialog.scss',
})
export class DeleteConnectionDialog {
  protected readonly connection =
    inject<DeleteConnectionData>(MAT_DIALOG_DATA).connection;
  private readonly models = inject(ModelsApi);
  private readonly providers = inject(ProvidersApi);

  protected readonly providerLabel = getProviderSpec(this.connection.provider)
    .label;
  protected readonly submit = new FormDialog<boolean>({
    action: `Deleting ${this.connection.name}`,
  });
  protected readonly targetId = signal('');
  protected readonly failures = signal<MoveFailure[]>([]);
  private readonly version = signal(0);

  protected readonly using = rxResource({
    params: () => ({ id: this.connection.id, version: this.version() }),
    stream: ({ params }) =>
      this.models.list({
        providerConnectionId: params.id,
        pageSize: MAX_MOVED,
        sort: 'name',
      }),
  });
  /** Where the models can go: the provider's other enabled connections. */
  protected readonly targets = rxResource({
    stream: () =>
      this.providers.list({
        provider: this.connection.provider,
        enabled: true,
        pageSize: MAX_MOVED,
        sort: 'name',
      }),
  });

  protected readonly total = computed(() => this.using.value()?.total ?? 0);
  protected readonly candidates = computed(() =>
    (this.targets.value()?.items ?? [])
      .filter((c) => c.id !== this.connection.id)
      .map((c) => ({ id: c.id, label: connectionLabel(c), name: c.name })),
  );
  protected readonly loading = computed(
    () => this.using.isLoading() || this.targets.isLoading(),
  );
  /** Used, and no other connection can take the models: say why, and what to do. */
  protected readonly blocked = computed(
    () =>
      this.total() > 0 &&
      this.targets.value() !== undefined &&
      this.candidates().length === 0,
  );
  protected readonly canConfirm = computed(
    () =>
      !this.submit.saving() &&
      this.using.value() !== undefined &&
      (this.total() === 0 ||
        (this.targetId() !== '' && this.total() <= MAX_MOVED)),
  );
  protected readonly maxMoved = MAX_MOVED;
  protected readonly loadError = computed(() => {
    const error = this.using.error() ?? this.targets.error();
    return error
      ? errorMessage(error, 'Looking up who uses the connection')
      : '';
  });

  protected async confirm(): Promise<void> {
    if (!this.canConfirm()) return;
    this.failures.set([]);
    await this.submit.submit(
      async () => {
        try {
          return await this.moveAndDelete();
        } catch (error) {
          this.refresh();
          throw error;
        }
      },
      () => {
        const moved = this.total()
          ? ` Its ${this.total()} model${this.total() === 1 ? '' : 's'} now use ${this.candidates().find((c) => c.id === this.targetId())?.name}.`
          : '';
        return `${this.connection.name} deleted.${moved}`;
      },
    );
  }

  /** Moves the models, then deletes; a refused move stops it, listed (undefined keeps the dialog open). */
  private async moveAndDelete(): Promise<true | undefined> {
    const failures = await this.moveModels();
    if (failures.length > 0) {
      this.failures.set(failures);
      this.refresh();
      return undefined;
    }
    await firstValueFrom(
      this.providers.remove({
        id: this.connection.id,
        version: this.connection.version,
      }),
      { defaultValue: undefined },
    );
    return true;
  }

  private refresh(): void {
    this.version.update((v) => v + 1);
  }

  /** One update per model, each with the version it was read at; the refusals are collected. */
  private async moveModels(): Promise<MoveFailure[]> {
    const target = this.targetId();
    const failures: MoveFailure[] = [];
    if (!target) return failures;
    for (const model of this.using.value()?.items ?? []) {
      try {
        await firstValueFrom(
          this.models.update(model.id, {
            providerConnectionId: target,
            version: model.version,
          }),
        );
      } catch (error) {
        // The guard's own sentence says why and what to do; the generic hints would only repeat it.
        failures.push({
          model,
          message:
            problemOf(error)?.detail ??
            errorMessage(error, `Moving ${model.name}`),
        });
      }
    }
    return failures;
  }
}
