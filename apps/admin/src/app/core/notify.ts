import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { errorMessage } from './http/problem';

/** Snackbar confirmations and failures, worded the same way everywhere. */
@Injectable({ providedIn: 'root' })
export class Notify {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 4000 });
  }

  error(error: unknown, action?: string): void {
    this.snackBar.open(errorMessage(error, action), 'Dismiss', {
      duration: 10000,
      panelClass: 'snack-error',
      politeness: 'assertive',
    });
  }
}
