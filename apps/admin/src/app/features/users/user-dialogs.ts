import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  type AbstractControl,
  FormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  NAME_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SCOPE_PATTERN,
  USER_ROLES,
  passwordProblems,
  type CreatedApiKey,
  type User,
  type UserRole,
} from '@llm-registry/contracts';
import { fieldErrorMessage, SecretOnce } from '@llm-registry/admin/ui';
import { FORM_DIALOG_IMPORTS } from '../../core/dialog/dialog-imports';
import { FormDialog } from '../../core/dialog/form-dialog';
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

/** These dialogs mark the fields in error and say nothing more unless a field has no control. */
const QUIET_FIELD_ERRORS = { invalidText: '', refusedText: '' };

@Component({
  selector: 'app-create-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORM_DIALOG_IMPORTS, MatSelect, MatOption],
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
        @if (submit.error()) {
          <p class="error-text" role="alert">{{ submit.error() }}</p>
        }
      </form>
    </mat-dialog-content>
    <app-dialog-actions form="user-form" [disabled]="submit.saving()">
      Create user
    </app-dialog-actions>
  `,
})
export class CreateUserDialog {
  private readonly api = inject(UsersApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly roles = USER_ROLES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    displayName: [
      '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)],
    ],
    role: this.fb.control<UserRole>('viewer'),
    password: ['', [Validators.required, passwordPolicy()]],
  });
  protected readonly submit = new FormDialog<User>({
    ...QUIET_FIELD_ERRORS,
    form: this.form,
    action: 'Creating the user',
  });

  protected errorOf(path: string): string {
    return (
      fieldErrorMessage({}, this.form.get(path)?.errors ?? null) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    await this.submit.submit(
      () => firstValueFrom(this.api.createUser(this.form.getRawValue())),
      (user) => `${user.displayName} created as ${user.role}.`,
    );
  }
}

@Component({
  selector: 'app-reset-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORM_DIALOG_IMPORTS],
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
    <app-dialog-actions form="reset-form" [disabled]="submit.saving()">
      Reset password
    </app-dialog-actions>
  `,
})
export class ResetPasswordDialog {
  protected readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', [Validators.required, passwordPolicy(this.user.email)]],
  });
  protected readonly submit = new FormDialog<boolean>({
    form: this.form,
    invalidText: '',
    errorsAsToast: true,
    action: 'Resetting the password',
  });

  protected error(): string {
    return (
      fieldErrorMessage({}, this.form.controls.password.errors) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    await this.submit.submit(
      async () => {
        await firstValueFrom(
          this.api.resetPassword(
            this.user.id,
            this.form.getRawValue().password,
          ),
        );
        return true;
      },
      () => `Password of ${this.user.displayName} reset; their sessions ended.`,
    );
  }
}

@Component({
  selector: 'app-create-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORM_DIALOG_IMPORTS, SecretOnce],
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
          @if (submit.error()) {
            <p class="error-text" role="alert">{{ submit.error() }}</p>
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
          [disabled]="submit.saving()"
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
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    scope: ['', Validators.pattern(SCOPE_PATTERN)],
    expiresOn: [''],
  });
  protected readonly submit = new FormDialog<boolean>({
    ...QUIET_FIELD_ERRORS,
    form: this.form,
    action: 'Creating the key',
    mapField: (field) => (field === 'expiresAt' ? 'expiresOn' : field),
  });

  protected errorOf(path: string): string {
    return (
      fieldErrorMessage({}, this.form.get(path)?.errors ?? null) || 'Required'
    );
  }

  protected async save(): Promise<void> {
    await this.submit.submit(async () => {
      const { name, scope, expiresOn } = this.form.getRawValue();
      // The key is shown once here; Done closes the dialog.
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
      return undefined;
    });
  }
}
