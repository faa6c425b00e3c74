import { TestBed } from '@angular/core/testing';
import { ChangesDiff, changeRows, formatValue } from './changes-diff';

describe('changeRows', () => {
  it('lists each changed field with readable before and after values', () => {
    expect(
      changeRows({
        priority: { before: 10, after: 20 },
        params: { before: { dimensions: 768 }, after: null },
        apiKey: {
          before: '[redacted]',
          after: '[redacted]',
          secretChanged: true,
        },
      }),
    ).toEqual([
      { field: 'priority', before: '10', after: '20', secretChanged: false },
      {
        field: 'params',
        before: '{"dimensions":768}',
        after: '—',
        secretChanged: false,
      },
      {
        field: 'apiKey',
        before: '[redacted]',
        after: '[redacted]',
        secretChanged: true,
      },
    ]);
    expect(changeRows(null)).toEqual([]);
    expect(formatValue(undefined)).toBe('—');
  });
});

describe('ChangesDiff', () => {
  it('renders a row per field, and says so when nothing changed', async () => {
    const fixture = TestBed.createComponent(ChangesDiff);
    fixture.componentRef.setInput('changes', {
      name: { before: 'a', after: 'b' },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(el.querySelector('tbody tr')?.textContent).toContain('name');
    fixture.componentRef.setInput('changes', {});
    await fixture.whenStable();
    expect(el.textContent).toContain('No field changes');
  });
});
