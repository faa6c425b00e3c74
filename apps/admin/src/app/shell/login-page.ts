import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatError, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { errorMessage, problemOf } from '../core/http/problem';
import { AuthStore } from '../core/auth/auth.store';
import { ThemeStore } from '../core/theme/theme.store';

@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatIcon,
    MatProgressBar,
  ],
  template: `
    <main class="login">
      <mat-card appearance="outlined" class="card">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Signing in" />
        }
        <mat-card-content>
          <div class="brand">
            <mat-icon aria-hidden="true">hub</mat-icon>
            <span>LLM Registry</span>
          </div>
          <h1>Sign in</h1>
          <p class="muted">
            Admins manage models, providers and keys; viewers see everything
            read-only.
          </p>
          @if (expired()) {
            <p class="notice" role="status">
              Your session ended. Sign in again to continue.
            </p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field class="full-width">
              <mat-label>Email</mat-label>
              <input
                matInput
                formControlName="email"
                type="email"
                autocomplete="username"
                required
              />
              <mat-error>Enter the email you were invited with</mat-error>
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>Password</mat-label>
              <input
                matInput
                formControlName="password"
                type="password"
                autocomplete="current-password"
                required
              />
              <mat-error>Enter your password</mat-error>
            </mat-form-field>
            @if (error()) {
              <p class="error-text" role="alert">{{ error() }}</p>
            }
            <button
              mat-flat-button
              type="submit"
              class="full-width submit"
              [disabled]="busy()"
            >
              Sign in
            </button>
          </form>
          <p class="muted small">
            First start? The admin's email and password are printed once in the
            server's start banner.
          </p>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .login {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 24px;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container-low);
    }
    .card {
      width: min(420px, 100%);
      overflow: hidden;
    }
    mat-card-content {
      padding: 24px 28px 20px !important;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 16px 0 4px;
    }
    form {
      margin-top: 16px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .submit {
      height: 44px;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .small {
      font: var(--mat-sys-body-small);
      margin-top: 16px;
    }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly theme = inject(ThemeStore);

  readonly returnUrl = input<string>();
  readonly expired = input<string>();

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    try {
      const { email, password } = this.form.getRawValue();
      await this.auth.login(email, password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target?.startsWith('/') ? target : '/');
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(
        problem?.status === 401
          ? 'Wrong email or password. Check both and try again.'
          : errorMessage(error, 'Signing in'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
