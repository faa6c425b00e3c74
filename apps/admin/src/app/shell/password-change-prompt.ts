import { effect, inject, untracked } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { AuthStore } from '../core/auth/auth.store';
import {
  ChangePasswordDialog,
  type ChangePasswordDialogData,
} from './change-password-dialog';

/**
 * Opens the change-password dialog, undismissable, whenever the API requires a new password: right
 * after signing in with a generated or admin-set one, or when any call answers PASSWORD_CHANGE_REQUIRED.
 * Call in an injection context (the shell's constructor).
 */
export function promptForRequiredPasswordChange(): void {
  const auth = inject(AuthStore);
  const dialog = inject(MatDialog);
  let open: MatDialogRef<ChangePasswordDialog, boolean> | null = null;
  effect(() => {
    if (!auth.mustChangePassword() || open) return;
    untracked(() => {
      open = dialog.open<
        ChangePasswordDialog,
        ChangePasswordDialogData,
        boolean
      >(ChangePasswordDialog, {
        width: '480px',
        maxWidth: '96vw',
        disableClose: true,
        data: { required: true },
      });
      open.afterClosed().subscribe(() => (open = null));
    });
  });
}
