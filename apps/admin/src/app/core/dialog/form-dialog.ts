import {
  afterNextRender,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { applyServerErrors, errorMessage, problemOf } from '../http/problem';
import { Notify } from '../notify';

export const ATTENTION_TEXT =
  'Some fields need attention: see the highlighted ones.';
export const REFUSED_TEXT =
  'The registry refused some fields: see the highlighted ones.';

export interface FailureOptions {
  /** What failed, for the message: `Saving the model`. */
  action: string;
  /** API field → control path (`expiresAt` → `expiresOn`); unmatched fields go to the error line. */
  mapField?: (field: string) => string | null;
}

export interface FormDialogOptions extends FailureOptions {
  /** The form the API's field errors land on; refused while invalid. */
  form?: AbstractControl;
  /** The error line when the form is invalid at submit; '' leaves it empty. */
  invalidText?: string;
  /** The error line when every field error found its control; '' leaves it empty. */
  refusedText?: string;
  /** Scroll the first field in error into view and focus it (long forms). */
  revealErrors?: boolean;
  /** Failures as a snackbar instead of the dialog's error line. */
  errorsAsToast?: boolean;
  /** A sentence of the dialog's own for errors it knows (by problem code); null: the usual message. */
  explain?: (error: unknown) => string | null;
}

/**
 * What every form dialog does on submit, written once: refuse an invalid form, disable the button while
 * saving, put the API's field errors on their controls and the rest in one line, and close with the
 * result. Create it in a field initializer of the dialog component (it injects the dialog's ref).
 */
export class FormDialog<R> {
  readonly saving = signal(false);
  /** The dialog's error line. */
  readonly error = signal('');

  private readonly dialogRef = inject<MatDialogRef<unknown, R>>(MatDialogRef);
  private readonly notify = inject(Notify);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor(private readonly options: FormDialogOptions) {}

  /**
   * Runs `work` unless the form is invalid. A result closes the dialog with it (after `success`'s
   * snackbar, when given); `undefined` keeps the dialog open; a thrown error is shown.
   */
  async submit<T extends R>(
    work: () => Promise<T | undefined>,
    success?: (result: T) => string,
  ): Promise<void> {
    if (this.saving() || this.refuseInvalid()) return;
    this.error.set('');
    this.saving.set(true);
    try {
      const result = await work();
      if (result === undefined) return;
      if (success) this.notify.success(success(result));
      this.dialogRef.close(result);
    } catch (error) {
      this.fail(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** Marks an invalid form and says so; true when it is invalid. */
  refuseInvalid(): boolean {
    const form = this.options.form;
    if (!form?.invalid) return false;
    form.markAllAsTouched();
    this.revealFirstError();
    this.error.set(this.options.invalidText ?? ATTENTION_TEXT);
    return true;
  }

  /** Shows a failed request: field errors on their controls, the rest in the error line or a snackbar. */
  fail(error: unknown, overrides: Partial<FailureOptions> = {}): void {
    const { action, mapField, form } = { ...this.options, ...overrides };
    if (this.options.errorsAsToast) {
      this.notify.error(error, action);
      return;
    }
    const own = this.options.explain?.(error);
    if (own) {
      this.error.set(own);
      return;
    }
    const fieldErrors = problemOf(error)?.errors;
    const unmatched = form
      ? applyServerErrors(form, fieldErrors, mapField)
      : (fieldErrors ?? []);
    this.revealFirstError();
    this.error.set(
      fieldErrors?.length && unmatched.length === 0
        ? (this.options.refusedText ?? REFUSED_TEXT)
        : errorMessage(error, action),
    );
  }

  private revealFirstError(): void {
    if (!this.options.revealErrors) return;
    afterNextRender(
      () => {
        const field = this.host.nativeElement.querySelector<HTMLElement>(
          '.mat-form-field-invalid',
        );
        field?.scrollIntoView({ block: 'center' });
        field?.querySelector<HTMLElement>('input, textarea')?.focus();
      },
      { injector: this.injector },
    );
  }
}
