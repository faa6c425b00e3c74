import { TestBed } from '@angular/core/testing';
import { FormControl, Validators } from '@angular/forms';
import {
  DynamicField,
  type DynamicFieldSpec,
  fieldErrorMessage,
} from './dynamic-field';

const spec = (overrides: Partial<DynamicFieldSpec>): DynamicFieldSpec => ({
  key: 'temperature',
  label: 'Temperature',
  kind: 'number',
  required: false,
  min: 0,
  max: 2,
  help: 'Sampling randomness.',
  ...overrides,
});

describe('fieldErrorMessage', () => {
  it("puts the server's words first, then the local checks", () => {
    expect(
      fieldErrorMessage({}, { server: 'Is already used', required: true }),
    ).toBe('Is already used');
    expect(fieldErrorMessage({ min: 1, max: 5 }, { max: true })).toBe(
      'Must be at most 5',
    );
    expect(fieldErrorMessage({ min: 1 }, { min: true })).toBe(
      'Must be at least 1',
    );
    expect(fieldErrorMessage({}, { required: true })).toBe('Required');
    expect(fieldErrorMessage({}, null)).toBe('');
  });
});

describe('DynamicField', () => {
  async function render(field: DynamicFieldSpec, control: FormControl) {
    const fixture = TestBed.createComponent(DynamicField);
    fixture.componentRef.setInput('spec', field);
    fixture.componentRef.setInput('control', control);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('renders numbers with their range in the hint', async () => {
    const el = await render(spec({}), new FormControl(''));
    const input = el.querySelector('input');
    expect(input?.type).toBe('number');
    expect(input?.getAttribute('max')).toBe('2');
    expect(el.textContent).toContain('Sampling randomness. (0–2)');
  });

  it('masks secrets, with a button to show them', async () => {
    const el = await render(
      spec({
        key: 'apiKey',
        label: 'API key',
        kind: 'secret',
        placeholder: 'Unchanged (sk-…abcd)',
      }),
      new FormControl(''),
    );
    const input = el.querySelector('input');
    expect(input?.type).toBe('password');
    expect(input?.placeholder).toBe('Unchanged (sk-…abcd)');
    expect(input?.autocomplete).toBe('new-password');
    expect(el.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Show API key',
    );
  });

  it('renders booleans as a toggle and enums as a select', async () => {
    const toggle = await render(
      spec({ kind: 'boolean', label: 'Normalize' }),
      new FormControl(false),
    );
    expect(toggle.querySelector('mat-slide-toggle')?.textContent).toContain(
      'Normalize',
    );
    const select = await render(
      spec({ kind: 'enum', options: ['cosine', 'dot'] }),
      new FormControl('cosine'),
    );
    expect(select.querySelector('mat-select')).not.toBeNull();
  });

  it('shows the error of a touched invalid control', async () => {
    const control = new FormControl('', Validators.required);
    control.markAsTouched();
    const el = await render(spec({ kind: 'string', required: true }), control);
    expect(el.querySelector('mat-error')?.textContent).toContain('Required');
  });
});
