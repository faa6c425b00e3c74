import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatMenu, MatMenuContent, MatMenuItem } from '@angular/material/menu';
import { RowMenuButton } from './row-menu-button';

@Component({
  imports: [RowMenuButton, MatMenu, MatMenuContent, MatMenuItem],
  template: `
    <ui-row-menu-button [menu]="menu" [data]="{ row }" name="Alpha" write />
    <ui-row-menu-button
      [menu]="menu"
      [data]="{ row }"
      name="Beta"
      testId="actions-Beta"
    />
    <mat-menu #menu="matMenu">
      <ng-template matMenuContent let-row="row">
        <button mat-menu-item type="button">Edit {{ row.name }}</button>
      </ng-template>
    </mat-menu>
  `,
})
class Host {
  row = { name: 'alpha' };
}

describe('RowMenuButton', () => {
  it('is named after its row, marked as a write and test id as asked', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const [alpha, beta] = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('button'),
    );
    expect(alpha.getAttribute('aria-label')).toBe('Actions for Alpha');
    expect(alpha.hasAttribute('data-write')).toBe(true);
    expect(alpha.hasAttribute('data-testid')).toBe(false);
    expect(beta.getAttribute('data-testid')).toBe('actions-Beta');
    expect(beta.hasAttribute('data-write')).toBe(false);
  });

  it("opens the menu with the row's data", () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    fixture.detectChanges();
    expect(document.querySelector('[mat-menu-item]')?.textContent).toContain(
      'Edit alpha',
    );
  });
});
