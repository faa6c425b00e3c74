import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  type AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  PASSWORD_MIN_LENGTH,
  SCOPE_PATTERN,
  USER_ROLES,
  passwordProblems,
  type CreatedApiKey,
  type User,
  type UserRole,
} from '@llm-registry/contracts';
import { fieldErrorMessage, SecretOnce } from '@llm-registry/admin/ui';
import {
  applyServerErrors,
  errorMessage,
  problemOf,
} from '../../core/http/problem';
import { Notify } from '../../core/notify';
import { UsersApi } from './users.api';

/** The password policy the API applies, shared through contracts. */
function passwordPolicy(email?: string) {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '');
    if (!value) return null;
    const sibling: unknown = control.parent?.get('email')?.value;
    const problems = passwordProblems(value, {
      email: email ?? (typeof sibling === 'string' ? sibling : undefined),
    });
    return problems.length
      ? { server: `Password ${problems.join('; ')}` }
      : null;
  };
}

const DIALOG_IMPORTS = [
  ReactiveFormsModule,
  MatButton,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
  MatFormField,
  MatLabel,
  MatError,
  MatInput,
];

@Component({
  selector: 'app-create-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...DIALOG_IMPORTS, MatHint, MatSelect, MatOption],
  template: `
    <h2 mat-dialog-title>Add a user</h2>
    <mat-dialog-content>
      <form
        [formGroup]="form"
        (ngSubmit)="save()"
        id="user-form"
        class="stack"
        novalidate
      >
        <mat-form-field>
          <mat-label>Email</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="off"
            required
          />
          <mat-error>{{ errorOf('email') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Display name</mat-label>
          <input matInput formControlName="displayName" required />
          <mat-error>{{ errorOf('displayName') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" data-testid="user-role">
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ r }}</mat-option>
            }
          </mat-select>
          <mat-hint>Admins change things; viewers read everything.</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="new-password"
            required
          />
          <mat-hint
            >At least {{ minLength }} characters; give it to them
            privately.</mat-hint
          >
          <mat-error>{{ errorOf('password') }}</mat-error>
        </mat-form-field>
        @if (formError()) {
          <p class="error-text" role="alert">{{ formError() }}</p>
        }
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        form="user-form"
        [disabled]="saving()"
      >
        Create user
      </button>
    </mat-dialog-actions>
  `,
})
export class CreateUserDialog {
  private readonly api = inject(UsersApi);
  private readonly notify = inject(Notify);
  private readonly dialogRef = inject(MatDialogRef<CreateUserDialog, User>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly roles = USER_ROLES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formError = signal('');
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    role: this.fb.control<UserRole>('viewer'),
    password: ['', [Validators.required, passwordPolicy()]],
  });

  protected errorOf(path: string): string {
    return (
      fieldErrorMessage({}, this.form.get(path)?.errors ?? null) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const user = await firstValueFrom(
        this.api.createUser(this.form.getRawValue()),
      );
      this.notify.success(`${user.displayName} created as ${user.role}.`);
      this.dialogRef.close(user);
    } catch (error) {
      const unmatched = applyServerErrors(this.form, problemOf(error)?.errors);
      this.formError.set(
        unmatched.length || !problemOf(error)?.errors
          ? errorMessage(error, 'Creating the user')
          : '',
      );
    } finally {
      this.saving.set(false);
    }
  }
}

@Component({
  selector: 'app-reset-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: DIALOG_IMPORTS,
  template: `
    <h2 mat-dialog-title>Reset the password of {{ user.displayName }}</h2>
    <mat-dialog-content>
      <p>
        Their sessions end; give them the new password privately. They choose
        their own when they next sign in.
      </p>
      <form [formGroup]="form" (ngSubmit)="save()" id="reset-form" novalidate>
        <mat-form-field class="full-width">
          <mat-label>New password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="new-password"
            required
          />
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        form="reset-form"
        [disabled]="saving()"
      >
        Reset password
      </button>
    </mat-dialog-actions>
  `,
})
export class ResetPasswordDialog {
  protected readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly notify = inject(Notify);
  private readonly dialogRef = inject(
    MatDialogRef<ResetPasswordDialog, boolean>,
  );
  protected readonly saving = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', [Validators.required, passwordPolicy(this.user.email)]],
  });

  protected error(): string {
    return (
      fieldErrorMessage({}, this.form.controls.password.errors) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.api.resetPassword(this.user.id, this.form.getRawValue().password),
      );
      this.notify.success(
        `Password of ${this.user.displayName} reset; their sessions ended.`,
      );
      this.dialogRef.close(true);
    } catch (error) {
      this.notify.error(error, 'Resetting the password');
    } finally {
      this.saving.set(false);
    }
  }
}

@Component({
  selector: 'app-create-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...DIALOG_IMPORTS, MatHint, SecretOnce],
  template: `
    <h2 mat-dialog-title>
      {{ created() ? 'Your new API key' : 'Create an API key' }}
    </h2>
    <mat-dialog-content>
      @if (created(); as key) {
        <p>
          Give this key to <strong>{{ key.name }}</strong
          >; it authenticates as <code>Authorization: Bearer …</code>.
        </p>
        <ui-secret-once [value]="key.key" />
      } @else {
        <form
          [formGroup]="form"
          (ngSubmit)="save()"
          id="key-form"
          class="stack"
          novalidate
        >
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            <mat-hint
              >The service that will use it, e.g. search-service
              (prod).</mat-hint
            >
            <mat-error>{{ errorOf('name') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Scope</mat-label>
            <input matInput formControlName="scope" />
            <mat-hint
              >Empty: reads every scope; a scope reads its own models plus
              global ones.</mat-hint
            >
            <mat-error>{{ errorOf('scope') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Expires on</mat-label>
            <input matInput type="date" formControlName="expiresOn" />
            <mat-hint>Empty: never.</mat-hint>
          </mat-form-field>
          @if (formError()) {
            <p class="error-text" role="alert">{{ formError() }}</p>
          }
        </form>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (created()) {
        <button mat-flat-button type="button" [mat-dialog-close]="true">
          Done
        </button>
      } @else {
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button
          mat-flat-button
          type="submit"
          form="key-form"
          [disabled]="saving()"
        >
          Create key
        </button>
      }
    </mat-dialog-actions>
  `,
})
export class CreateKeyDialog {
  private readonly api = inject(UsersApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly saving = signal(false);
  protected readonly formError = signal('');
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    scope: ['', Validators.pattern(SCOPE_PATTERN)],
    expiresOn: [''],
  });

  protected errorOf(path: string): string {
    return (
      fieldErrorMessage({}, this.form.get(path)?.errors ?? null) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, scope, expiresOn } = this.form.getRawValue();
    this.saving.set(true);
    try {
      this.created.set(
        await firstValueFrom(
          this.api.createKey({
            name: name.trim(),
            scope: scope.trim() || null,
            expiresAt: expiresOn
              ? new Date(`${expiresOn}T23:59:59`).toISOString()
              : null,
          }),
        ),
      );
    } catch (error) {
      const unmatched = applyServerErrors(
        this.form,
        problemOf(error)?.errors,
        (f) => (f === 'expiresAt' ? 'expiresOn' : f),
      );
      this.formError.set(
        unmatched.length || !problemOf(error)?.errors
          ? errorMessage(error, 'Creating the key')
          : '',
      );
    } finally {
      this.saving.set(false);
    }
  }
}
