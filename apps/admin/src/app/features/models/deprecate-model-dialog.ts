import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import { firstValueFrom, map } from 'rxjs';
import { MAX_PAGE_SIZE, type Model } from '@llm-registry/contracts';
import { FORM_DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
import { ModelsApi } from './models.api';

/** Retires a model gently: it keeps serving, flagged, with a sunset date and the model to move to. */
@Component({
  selector: 'app-deprecate-model-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORM_DIALOG_IMPORTS, MatSelect, MatOption],
  template: `
    <h2 mat-dialog-title>Deprecate {{ model.name }}</h2>
    <mat-dialog-content class="stack">
      <p>
        Services keep getting it, after the active models and flagged as
        deprecated; knowledge bases bound to it are listed as to migrate.
        Nothing moves by itself.
      </p>
      <mat-form-field>
        <mat-label>Sunset date</mat-label>
        <input
          matInput
          type="date"
          [value]="sunset()"
          (change)="sunset.set($any($event.target).value)"
        />
        <mat-hint>When it is expected to go away (optional).</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Successor</mat-label>
        <mat-select
          [value]="successorId()"
          (valueChange)="successorId.set($event)"
        >
          <mat-option value="">None yet</mat-option>
          @for (m of candidates(); track m.id) {
            <mat-option [value]="m.id"
              >{{ m.name }} ({{ m.modelName }}, {{ m.scope }})</mat-option
            >
          }
        </mat-select>
        <mat-hint>An active {{ model.type }} model to move to.</mat-hint>
      </mat-form-field>
      @if (model.isDefault) {
        <mat-form-field>
          <mat-label
            >New default of {{ model.type }} in {{ model.scope }}</mat-label
          >
          <mat-select
            [value]="newDefaultId()"
            (valueChange)="newDefaultId.set($event)"
          >
            <mat-option value="">Keep none</mat-option>
            @for (m of sameScope(); track m.id) {
              <mat-option [value]="m.id">{{ m.name }}</mat-option>
            }
          </mat-select>
          <mat-hint
            >It is the default now; knowledge bases relying on the default need
            a new one.</mat-hint
          >
        </mat-form-field>
      }
      @if (submit.error()) {
        <p class="error-text" role="alert">{{ submit.error() }}</p>
      }
    </mat-dialog-content>
    <app-dialog-actions (confirm)="confirm()" [disabled]="submit.saving()">
      Deprecate
    </app-dialog-actions>
  `,
})
export class DeprecateModelDialog {
  protected readonly model = inject<Model>(MAT_DIALOG_DATA);
  private readonly api = inject(ModelsApi);

  protected readonly sunset = signal('');
  protected readonly successorId = signal('');
  protected readonly newDefaultId = signal('');
  protected readonly submit = new FormDialog<boolean>({
    action: 'Deprecating the model',
  });
  protected readonly active = rxResource({
    stream: () =>
      this.api
        .list({
          type: this.model.type,
          status: 'active',
          pageSize: MAX_PAGE_SIZE,
          sort: 'name',
        })
        .pipe(map((page) => page.items.filter((m) => m.id !== this.model.id))),
  });
  protected readonly candidates = computed(() => this.active.value() ?? []);
  protected readonly sameScope = computed(() =>
    this.candidates().filter((m) => m.scope === this.model.scope),
  );

  protected async confirm(): Promise<void> {
    await this.submit.submit(
      async () => {
        const day = this.sunset();
        await firstValueFrom(
          this.api.deprecate(this.model, {
            sunsetAt: day ? new Date(`${day}T00:00:00`).toISOString() : null,
            successorId: this.successorId() || null,
            ...(this.newDefaultId()
              ? { newDefaultId: this.newDefaultId() }
              : {}),
          }),
        );
        return true;
      },
      () => `${this.model.name} is deprecated.`,
    );
  }
}
