import {
  ChangeDetectionStrategy,
  Component,
  input,
  signal,
} from '@angular/core';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';

/** A value shown this one time (a new API key), with a copy button and a warning. */
@Component({
  selector: 'ui-secret-once',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconButton, MatIcon, MatTooltip],
  template: `
    <div class="box">
      <code class="value" data-testid="secret-value">{{ value() }}</code>
      <button
        mat-icon-button
        type="button"
        (click)="copy()"
        [matTooltip]="copied() ? 'Copied' : 'Copy to clipboard'"
        [attr.aria-label]="copied() ? 'Copied' : 'Copy to clipboard'"
      >
        <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
      </button>
    </div>
    <p class="warning" role="note">
      Copy it now: it is shown this once and cannot be read again.
    </p>
  `,
  styles: `
    .box {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .value {
      flex: 1;
      word-break: break-all;
      font-size: 13px;
    }
    .warning {
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0 0;
    }
  `,
})
export class SecretOnce {
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);
  readonly value = input.required<string>();
  protected readonly copied = signal(false);

  protected copy(): void {
    const copied = this.clipboard.copy(this.value());
    this.copied.set(copied);
    // The icon's change is silent for screen readers: say it.
    void this.announcer.announce(
      copied
        ? 'Copied to the clipboard'
        : 'Could not copy: select it and copy by hand',
    );
  }
}
