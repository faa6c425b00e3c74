import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  type AbstractControl,
  FormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '@llm-registry/contracts';
import { fieldErrorMessage } from '@llm-registry/admin/ui';
import { API, PATHS } from '../app.paths';
import { AuthStore } from '../core/auth/auth.store';
import { FORM_DIALOG_IMPORTS } from '../core/dialog/dialog-imports';
import { FormDialog } from '../core/dialog/form-dialog';
import { problemOf } from '../core/http/problem';

export interface ChangePasswordDialogData {
  required: boolean;
}

/** Changes the signed-in user's password; their other sessions end, this one stays. */
@Component({
  selector: 'app-change-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORM_DIALOG_IMPORTS],
  template: `
    <h2 mat-dialog-title>
      {{ required ? 'Choose your own password' : 'Change your password' }}
    </h2>
    <mat-dialog-content>
      @if (required) {
        <p class="notice" role="status">
          This password was generated or set by an admin. Choose one only you
          know before going on.
        </p>
      }
      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        id="password-form"
        class="stack"
        novalidate
      >
        <mat-form-field>
          <mat-label>Current password</mat-label>
          <input
            matInput
            type="password"
            formControlName="currentPassword"
            autocomplete="current-password"
            required
          />
          <mat-error>{{ errorOf('currentPassword') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input
            matInput
            type="password"
            formControlName="newPassword"
            autocomplete="new-password"
            required
          />
          <mat-hint
            >At least {{ minLength }} characters; a passphrase is
            best.</mat-hint
          >
          <mat-error>{{ errorOf('newPassword') }}</mat-error>
        </mat-form-field>
        @if (submit.error()) {
          <p class="error-text" role="alert">{{ submit.error() }}</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (required) {
        <button mat-button type="button" (click)="signOut()">Sign out</button>
      } @else {
        <button mat-button type="button" mat-dialog-close>Cancel</button>
      }
      <button
        mat-flat-button
        type="submit"
        form="password-form"
        [disabled]="submit.saving()"
      >
        Change password
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class ChangePasswordDialog {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  /** Opened because the API demands the change: it cannot be dismissed, only completed or signed out of. */
  protected readonly required =
    inject<ChangePasswordDialogData | null>(MAT_DIALOG_DATA, {
      optional: true,
    })?.required === true;
  private readonly dialogRef = inject(
    MatDialogRef<ChangePasswordDialog, boolean>,
  );
  private readonly email = this.auth.me()?.email ?? undefined;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [Validators.required, (c: AbstractControl) => this.policy(c)],
    ],
  });
  protected readonly submit = new FormDialog<boolean>({
    form: this.form,
    action: 'Changing the password',
    invalidText: '',
    refusedText: '',
    explain: (error) =>
      problemOf(error)?.status === 401
        ? 'The current password is wrong.'
        : null,
  });

  private policy(control: AbstractControl): ValidationErrors | null {
    const value = String(control.value ?? '');
    const problems = value
      ? passwordProblems(value, { email: this.email })
      : [];
    return problems.length
      ? { server: `Password ${problems.join('; ')}` }
      : null;
  }

  protected errorOf(path: string): string {
    return (
      fieldErrorMessage({}, this.form.get(path)?.errors ?? null) || 'Required'
    );
  }

  protected async signOut(): Promise<void> {
    this.dialogRef.close(false);
    await this.auth.logout();
    await this.router.navigate([`/${PATHS.login}`]);
  }

  protected async save(): Promise<void> {
    await this.submit.submit(
      async () => {
        await firstValueFrom(
          this.http.post<void>(`${API}/auth/password`, this.form.getRawValue()),
        );
        this.auth.passwordChanged();
        return true;
      },
      () => 'Password changed; your other sessions were signed out.',
    );
  }
}
