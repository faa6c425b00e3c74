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
import { firstValueFrom, type Observable } from 'rxjs';
import {
  MODEL_GUARD_CODES,
  type Model,
  type ModelReplacement,
  type ReplacementCandidate,
} from '@llm-registry/contracts';
import { ReplacementSelect } from '@llm-registry/admin/ui';
import { errorMessage, problemOf } from '../../core/http/problem';
import { DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
import { KnowledgeBasesApi } from '../knowledge-bases/knowledge-bases.api';
import { ModelsApi } from './models.api';

export type RetireAction = 'delete' | 'deactivate';

export interface DeleteModelData {
  model: Model;
  /** Default: delete. */
  action?: RetireAction;
}

/**
 * Deleting or deactivating a model, knowing who relies on it: the knowledge bases are listed, and when
 * there are any, a replacement of the same type (and dimensions, for embeddings) takes them over in the
 * same transaction — or the dialog says why the model cannot go yet. Closes with true when done.
 */
@Component({
  selector: 'app-delete-model-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...DIALOG_IMPORTS,
    RouterLink,
    MatIcon,
    MatProgressBar,
    ReplacementSelect,
  ],
  templateUrl: './delete-model-dialog.html',
  styleUrl: './delete-model-dialog.scss',
})
export class DeleteModelDialog {
  protected readonly data = inject<DeleteModelData>(MAT_DIALOG_DATA);
  private readonly models = inject(ModelsApi);
  private readonly knowledgeBases = inject(KnowledgeBasesApi);

  protected readonly model = this.data.model;
  protected readonly action: RetireAction = this.data.action ?? 'delete';
  protected readonly verb = this.action === 'delete' ? 'Delete' : 'Deactivate';
  protected readonly submit = new FormDialog<boolean>({
    action: `${this.verb === 'Delete' ? 'Deleting' : 'Deactivating'} the model`,
    explain: (error) => this.explain(error),
  });
  protected readonly replacementId = signal('');

  protected readonly dependents = rxResource({
    stream: () => this.knowledgeBases.dependents(this.model.id),
  });
  protected readonly inUse = computed(
    () => (this.dependents.value()?.total ?? 0) > 0,
  );
  protected readonly replacements = computed(
    () => this.dependents.value()?.replacements ?? [],
  );
  protected readonly dimensions = computed(() => {
    const value = this.model.params['dimensions'];
    return this.model.type === 'embedding' && typeof value === 'number'
      ? value
      : null;
  });
  /** In use and nobody can take over: say why, and what to do. */
  protected readonly blocked = computed(
    () => this.inUse() && this.replacements().length === 0,
  );
  protected readonly canConfirm = computed(
    () =>
      !this.submit.saving() &&
      this.dependents.value() !== undefined &&
      (!this.inUse() || this.replacementId() !== ''),
  );
  protected readonly loadError = computed(() => {
    const error = this.dependents.error();
    return error ? errorMessage(error, 'Looking up who uses the model') : '';
  });

  protected readonly replacementOptions = computed(() =>
    this.replacements().map((candidate) => ({
      id: candidate.id,
      label: candidateLabel(candidate),
    })),
  );
  protected readonly replacementHint = `Same type${this.dimensions() ? ` and ${this.dimensions()} dimensions` : ''}: the knowledge bases keep working without re-indexing. The hand-over and the ${this.action === 'delete' ? 'deletion' : 'deactivation'} happen together.`;

  private replacement(): ModelReplacement {
    const id = this.replacementId();
    if (!id) return {};
    const candidate = this.replacements().find((c) => c.id === id);
    // A default hands its role to the replacement when they share a scope.
    const newDefault =
      this.model.isDefault && candidate?.scope === this.model.scope;
    return { reassignTo: id, ...(newDefault ? { newDefaultId: id } : {}) };
  }

  protected async confirm(): Promise<void> {
    if (!this.canConfirm()) return;
    const replacement = this.replacement();
    const request: Observable<unknown> =
      this.action === 'delete'
        ? this.models.remove(this.model, replacement)
        : this.models.setStatus(this.model, 'inactive', replacement);
    await this.submit.submit(
      async () => {
        await firstValueFrom(request, { defaultValue: undefined });
        return true;
      },
      () => {
        const moved = replacement.reassignTo
          ? ` Its knowledge bases now use ${this.replacements().find((c) => c.id === replacement.reassignTo)?.name}.`
          : '';
        return `${this.model.name} ${this.action === 'delete' ? 'deleted' : 'deactivated'}.${moved}`;
      },
    );
  }

  /** The guards' refusals, said in this dialog's terms. */
  private explain(error: unknown): string | null {
    const code = problemOf(error)?.code;
    if (code === MODEL_GUARD_CODES.inUse) {
      // Someone bound it meanwhile: show the current dependents.
      this.dependents.reload();
      return 'Knowledge bases started relying on this model meanwhile: they are listed again below. Pick who takes them over.';
    }
    if (code === MODEL_GUARD_CODES.reindexNeeded)
      return 'That replacement has other dimensions: the knowledge bases would need re-indexing. Pick a model with the same dimensions.';
    return null;
  }
}

function candidateLabel(candidate: ReplacementCandidate): string {
  const dims = candidate.dimensions ? ` · ${candidate.dimensions} dims` : '';
  return `${candidate.name} (${candidate.modelName}, ${candidate.scope}${dims})`;
}
