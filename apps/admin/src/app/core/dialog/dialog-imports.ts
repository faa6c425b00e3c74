import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DialogActions } from './dialog-actions';

/** What every dialog's template is made of: title, content, actions and buttons. */
export const DIALOG_IMPORTS = [
  MatButton,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
  DialogActions,
] as const;

/** A dialog with a reactive form besides: labelled inputs with their hints and errors. */
export const FORM_DIALOG_IMPORTS = [
  ...DIALOG_IMPORTS,
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
] as const;
