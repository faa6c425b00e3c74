import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenuTrigger, type MatMenuPanel } from '@angular/material/menu';

/** The ⋮ button at the end of a table row, opening the page's row menu with that row's data. */
@Component({
  selector: 'ui-row-menu-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconButton, MatIcon, MatMenuTrigger],
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu()"
      [matMenuTriggerData]="data()"
      [attr.aria-label]="'Actions for ' + name()"
      [attr.data-testid]="testId() || null"
      [attr.data-write]="write() ? '' : null"
    >
      <mat-icon>more_vert</mat-icon>
    </button>
  `,
  styles: `
    /* The button sits in the cell as if written there. */
    :host {
      display: contents;
    }
  `,
})
export class RowMenuButton {
  readonly menu = input.required<MatMenuPanel>();
  /** What the menu's `matMenuContent` template receives: `{ m }`. */
  readonly data = input.required<unknown>();
  /** The row's name, for the button's label. */
  readonly name = input.required<string>();
  readonly testId = input('');
  /** Marks a button that changes data (viewers must not see it enabled). */
  readonly write = input(false, { transform: booleanAttribute });
}
