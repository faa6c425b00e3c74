import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { ConnectionTestResult } from '@llm-registry/contracts';
import { describeFailedTest } from './probe-categories';
import { relativeTime } from './relative-time.pipe';

/** The last connection test: passed or failed and when; the failure's reason on hover and focus. */
@Component({
  selector: 'ui-test-result-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIcon, MatTooltip],
  template: `
    @let r = result();
    @if (r) {
      <span
        class="chip"
        [class.passed]="r.status === 'passed'"
        [class.failed]="r.status === 'failed'"
        [matTooltip]="tooltip()"
        tabindex="0"
        role="img"
        [attr.aria-label]="ariaLabel()"
      >
        <mat-icon aria-hidden="true">{{
          r.status === 'passed' ? 'check_circle' : 'error'
        }}</mat-icon>
        {{ r.status === 'passed' ? 'Passed' : 'Failed' }}
        <span class="when">{{ when() }}</span>
      </span>
    } @else {
      <span class="chip untested">Not tested</span>
    }
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .chip:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    .passed {
      background: light-dark(#d7f5dd, #1d3b24);
      color: light-dark(#0f5223, #a6e9b3);
    }
    .failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .untested {
      padding-left: 10px;
    }
    .when {
      opacity: 0.85;
    }
  `,
})
export class TestResultChip {
  readonly result = input<ConnectionTestResult | null>(null);

  protected readonly when = computed(() =>
    relativeTime(this.result()?.testedAt ?? null),
  );

  protected readonly tooltip = computed(() => {
    const r = this.result();
    if (!r) return '';
    const latency = r.latencyMs === null ? '' : ` · ${r.latencyMs} ms`;
    const at = new Date(r.testedAt).toLocaleString();
    return r.status === 'passed'
      ? `Passed ${at}${latency}${r.message ? ` · ${r.message}` : ''}`
      : `Failed ${at}${latency} · ${describeFailedTest(r)}`;
  });

  protected readonly ariaLabel = computed(() => {
    const r = this.result();
    return r ? `Last test ${r.status} ${this.when()}. ${this.tooltip()}` : '';
  });
}
