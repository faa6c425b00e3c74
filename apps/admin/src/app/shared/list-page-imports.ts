import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatFormField,
  MatLabel,
  MatPrefix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuContent, MatMenuItem } from '@angular/material/menu';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSortHeader } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import {
  EmptyState,
  PageHeader,
  RelativeTimePipe,
  RowMenuButton,
} from '@llm-registry/admin/ui';
import { ListFrame } from './list-frame';
import { UpdatedColumn } from './updated-column';
import { UrlSort } from './url-sort';

/** What every list page's template is made of: header, framed sortable table, row menu, buttons. */
export const LIST_PAGE_IMPORTS = [
  MatTableModule,
  MatSortHeader,
  UrlSort,
  UpdatedColumn,
  MatButton,
  MatIconButton,
  MatIcon,
  MatMenu,
  MatMenuContent,
  MatMenuItem,
  EmptyState,
  ListFrame,
  PageHeader,
  RelativeTimePipe,
  RowMenuButton,
] as const;

/** What a list page's filter row is made of: a search field, selects and toggles, with tooltips. */
export const LIST_FILTER_IMPORTS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatPrefix,
  MatInput,
  MatSelect,
  MatOption,
  MatSlideToggle,
  MatTooltip,
] as const;
