import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { firstValueFrom } from 'rxjs';
import type {
  ConnectionTest,
  DraftConnectionTestRequest,
} from '@llm-registry/contracts';
import { PROBE_CATEGORY_TEXT } from '@llm-registry/admin/ui';
import { ConnectionTestsApi } from '../../core/connection-tests/connection-tests.api';
import { errorMessage } from '../../core/http/problem';

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; test: ConnectionTest }
  | { status: 'error'; message: string };

/**
 * "Test before saving": runs the unsaved model through a real connection test and shows the spinner,
 * then the result with its latency and, on failure, the category and what to do next.
 */
@Component({
  selector: 'app-draft-test-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon, MatProgressSpinner],
  templateUrl: './draft-test-panel.html',
  styleUrl: './draft-test-panel.scss',
})
export class DraftTestPanel {
  /** The draft to test, or null when the form is not ready for one (the dialog says why). */
  readonly prepare = input.required<() => DraftConnectionTestRequest | null>();
  /** The test request failed (not the test itself): the dialog shows the field errors. */
  readonly failed = output<unknown>();

  private readonly tests = inject(ConnectionTestsApi);
  protected readonly state = signal<TestState>({ status: 'idle' });
  protected readonly lastTest = computed(() => {
    const state = this.state();
    return state.status === 'done' ? state.test : null;
  });
  protected readonly testError = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.message : '';
  });
  protected readonly failureText = computed(() => {
    const category = this.lastTest()?.category;
    return category ? PROBE_CATEGORY_TEXT[category] : null;
  });

  /** Forgets the last result: it was about another provider. */
  reset(): void {
    this.state.set({ status: 'idle' });
  }

  protected async run(): Promise<void> {
    const draft = this.prepare()();
    if (!draft) return;
    this.state.set({ status: 'running' });
    try {
      const test = await firstValueFrom(this.tests.testDraft(draft));
      this.state.set({ status: 'done', test });
    } catch (error) {
      this.state.set({
        status: 'error',
        message: errorMessage(error, 'The test'),
      });
      this.failed.emit(error);
    }
  }
}
