import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** What went wrong and what to do next, with an optional retry. */
@Component({
  selector: 'ui-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon],
  template: `
    <div class="banner" role="alert">
      <mat-icon aria-hidden="true">error</mat-icon>
      <div class="text">
        <strong>{{ title() }}</strong>
        <div>{{ message() }}</div>
      </div>
      @if (retryLabel()) {
        <button mat-button type="button" (click)="retry.emit()">
          {{ retryLabel() }}
        </button>
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      gap: 12px;
      align-items: center;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      margin-bottom: 16px;
    }
    .text {
      flex: 1;
    }
    button {
      --mat-button-text-label-text-color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ErrorBanner {
  readonly title = input('Something went wrong');
  readonly message = input.required<string>();
  readonly retryLabel = input('');
  readonly retry = output<void>();
}
