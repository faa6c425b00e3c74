import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { DialogActions } from './dialog-actions';

@Component({
  imports: [DialogActions],
  template: `
    <form id="thing-form">
      <app-dialog-actions form="thing-form" [disabled]="saving">
        Save thing
      </app-dialog-actions>
    </form>
    <app-dialog-actions
      destructive
      testId="confirm-thing"
      (confirm)="confirmed = true"
    >
      Delete
    </app-dialog-actions>
  `,
})
class Host {
  saving = false;
  confirmed = false;
}

function render() {
  TestBed.configureTestingModule({
    providers: [{ provide: MatDialogRef, useValue: { close: jest.fn() } }],
  });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  const [submit, confirm] = Array.from(
    (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>(
      'button[mat-flat-button]',
    ),
  );
  return { fixture, submit, confirm };
}

describe('DialogActions', () => {
  it('offers Cancel, then the action with its projected label', () => {
    const { fixture } = render();
    const first = (fixture.nativeElement as HTMLElement).querySelector(
      'mat-dialog-actions',
    );
    expect(first?.getAttribute('align')).toBe('end');
    expect(
      Array.from(first?.querySelectorAll('button') ?? []).map((b) =>
        b.textContent?.trim(),
      ),
    ).toEqual(['Cancel', 'Save thing']);
  });

  it('submits the named form, and not while saving', () => {
    const { fixture, submit } = render();
    expect(submit.type).toBe('submit');
    expect(submit.getAttribute('form')).toBe('thing-form');
    fixture.componentInstance.saving = true;
    fixture.changeDetectorRef.markForCheck();
    fixture.detectChanges();
    expect(submit.disabled).toBe(true);
  });

  it('without a form, confirms and carries its test id and danger style', () => {
    const { fixture, confirm } = render();
    expect(confirm.type).toBe('button');
    expect(confirm.getAttribute('data-testid')).toBe('confirm-thing');
    expect(confirm.classList).toContain('destructive');
    confirm.click();
    expect(fixture.componentInstance.confirmed).toBe(true);
  });
});
