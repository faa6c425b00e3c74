import { HttpErrorResponse } from '@angular/common/http';
import { ElementRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import type { FieldError } from '@llm-registry/contracts';
import { errorMessage } from '../http/problem';
import { Notify } from '../notify';
import {
  ATTENTION_TEXT,
  FormDialog,
  REFUSED_TEXT,
  type FormDialogOptions,
} from './form-dialog';

describe('FormDialog', () => {
  const close = jest.fn();
  const notify = { success: jest.fn(), error: jest.fn() };
  let form: FormGroup<{
    name: FormControl<string>;
    expiresOn: FormControl<string>;
  }>;

  function dialog(options: Partial<FormDialogOptions> = {}) {
    TestBed.configureTestingModule({
      providers: [
        { provide: MatDialogRef, useValue: { close } },
        { provide: Notify, useValue: notify },
        {
          provide: ElementRef,
          useValue: new ElementRef(document.createElement('div')),
        },
      ],
    });
    return TestBed.runInInjectionContext(
      () =>
        new FormDialog<{ name: string }>({
          form,
          action: 'Saving the thing',
          ...options,
        }),
    );
  }

  const refused = (errors: FieldError[]) =>
    new HttpErrorResponse({
      status: 400,
      error: {
        status: 400,
        title: 'Invalid request',
        detail: 'The request is invalid.',
        code: 'VALIDATION_FAILED',
        correlationId: 'c-1',
        errors,
      },
    });

  beforeEach(() => {
    close.mockClear();
    notify.success.mockClear();
    notify.error.mockClear();
    form = new FormGroup({
      name: new FormControl('a', {
        nonNullable: true,
        validators: Validators.required,
      }),
      expiresOn: new FormControl('', { nonNullable: true }),
    });
  });

  it('refuses an invalid form: marks it, says so, and sends nothing', async () => {
    const submit = dialog();
    form.controls.name.setValue('');
    const work = jest.fn();
    await submit.submit(work);
    expect(work).not.toHaveBeenCalled();
    expect(form.controls.name.touched).toBe(true);
    expect(submit.error()).toBe(ATTENTION_TEXT);
  });

  it('is saving while the work runs, then closes with its result after the snackbar', async () => {
    const submit = dialog();
    let savingDuringWork = false;
    await submit.submit(
      () => {
        savingDuringWork = submit.saving();
        return Promise.resolve({ name: 'a' });
      },
      (saved) => `${saved.name} saved.`,
    );
    expect(savingDuringWork).toBe(true);
    expect(submit.saving()).toBe(false);
    expect(notify.success).toHaveBeenCalledWith('a saved.');
    expect(close).toHaveBeenCalledWith({ name: 'a' });
  });

  it('stays open when the work answers nothing', async () => {
    const submit = dialog();
    await submit.submit(() => Promise.resolve(undefined));
    expect(close).not.toHaveBeenCalled();
    expect(submit.saving()).toBe(false);
  });

  it('puts field errors on their controls, mapped, and says the fields were refused', async () => {
    const submit = dialog({
      mapField: (field) => (field === 'expiresAt' ? 'expiresOn' : field),
    });
    await submit.submit(() =>
      Promise.reject(
        refused([{ field: 'expiresAt', message: 'must be in the future' }]),
      ),
    );
    expect(form.controls.expiresOn.errors).toEqual({
      server: 'Must be in the future',
    });
    expect(submit.error()).toBe(REFUSED_TEXT);
    expect(close).not.toHaveBeenCalled();
  });

  it('gives an error with no control of its own to the general message', async () => {
    const submit = dialog();
    const error = refused([{ field: 'owner', message: 'is too long' }]);
    await submit.submit(() => Promise.reject(error));
    expect(submit.error()).toBe(errorMessage(error, 'Saving the thing'));
    expect(submit.error()).toContain('owner is too long');
  });

  it("uses the dialog's own sentence for an error it knows, and a snackbar when asked", async () => {
    const explained = dialog({ explain: () => 'Pick another one.' });
    await explained.submit(() => Promise.reject(refused([])));
    expect(explained.error()).toBe('Pick another one.');

    TestBed.resetTestingModule();
    const toast = dialog({ errorsAsToast: true });
    const failure = new Error('boom');
    await toast.submit(() => Promise.reject(failure));
    expect(notify.error).toHaveBeenCalledWith(failure, 'Saving the thing');
    expect(toast.error()).toBe('');
  });

  it('leaves the line empty when asked to stay quiet about marked fields', async () => {
    const submit = dialog({ refusedText: '' });
    await submit.submit(() =>
      Promise.reject(refused([{ field: 'name', message: 'is taken' }])),
    );
    expect(form.controls.name.errors).toEqual({ server: 'Is taken' });
    expect(submit.error()).toBe('');
  });
});
