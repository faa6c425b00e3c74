import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { firstValueFrom } from 'rxjs';
import type { ApiKey, User } from '@llm-registry/contracts';
import { ConfirmDialog, type ConfirmDialogData } from '@llm-registry/admin/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { Notify } from '../../core/notify';
import { bindTablesToUrl } from '../../shared/bind-tables-to-url';
import { LIST_PAGE_IMPORTS } from '../../shared/list-page-imports';
import { PagedList } from '../../shared/paged-list';
import { UrlTableState } from '../../shared/url-table-state';
import {
  CreateKeyDialog,
  CreateUserDialog,
  ResetPasswordDialog,
} from './user-dialogs';
import { UsersApi } from './users.api';

@Component({
  selector: 'app-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...LIST_PAGE_IMPORTS, MatTabGroup, MatTab],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  protected readonly auth = inject(AuthStore);

  /** Each tab's page, in the URL as `page` and `keysPage`. */
  protected readonly userTable = new UrlTableState({ filters: {} });
  protected readonly keyTable = new UrlTableState({
    filters: {},
    prefix: 'keys',
  });

  protected readonly users = new PagedList(
    () => this.userTable.pageQuery(),
    ({ page, pageSize }) => this.api.listUsers({ page, pageSize }),
    'Loading the users',
  );
  protected readonly keys = new PagedList(
    () => this.keyTable.pageQuery(),
    ({ page, pageSize }) => this.api.listKeys(page, pageSize),
    'Loading the keys',
  );
  protected readonly userColumns = [
    'email',
    'role',
    'state',
    'lastLogin',
    'actions',
  ];
  protected readonly keyColumns = [
    'name',
    'prefix',
    'scope',
    'status',
    'expires',
    'lastUsed',
    'actions',
  ];
  protected reload(): void {
    this.users.reload();
    this.keys.reload();
  }

  constructor() {
    bindTablesToUrl([this.userTable, this.keyTable]);
  }

  protected isMe(user: User): boolean {
    return this.auth.me()?.id === user.id;
  }

  protected addUser(): void {
    this.dialog
      .open(CreateUserDialog, { width: '520px', maxWidth: '96vw' })
      .afterClosed()
      .subscribe((user?: User) => user && this.reload());
  }

  protected addKey(): void {
    this.dialog
      .open(CreateKeyDialog, {
        width: '560px',
        maxWidth: '96vw',
        disableClose: true,
      })
      .afterClosed()
      .subscribe(() => this.reload());
  }

  protected resetPassword(user: User): void {
    this.dialog.open(ResetPasswordDialog, {
      data: user,
      width: '480px',
      maxWidth: '96vw',
    });
  }

  protected async update(
    user: User,
    change: { role?: User['role']; disabled?: boolean },
    done: string,
  ): Promise<void> {
    try {
      await firstValueFrom(
        this.api.updateUser(user.id, { ...change, version: user.version }),
      );
      this.notify.success(done);
    } catch (error) {
      this.notify.error(error, `Updating ${user.displayName}`);
    }
    this.reload();
  }

  private confirm(data: ConfirmDialogData): Promise<boolean | undefined> {
    return firstValueFrom(
      this.dialog
        .open<
          ConfirmDialog,
          ConfirmDialogData,
          boolean
        >(ConfirmDialog, { data })
        .afterClosed(),
    );
  }

  protected async toggleDisabled(user: User): Promise<void> {
    if (!user.disabled) {
      const ok = await this.confirm({
        title: `Disable ${user.displayName}?`,
        message:
          'They are signed out everywhere and cannot sign in until enabled again.',
        confirmLabel: 'Disable',
        destructive: true,
      });
      if (!ok) return;
    }
    await this.update(
      user,
      { disabled: !user.disabled },
      `${user.displayName} ${user.disabled ? 'enabled' : 'disabled'}.`,
    );
  }

  protected async deleteUser(user: User): Promise<void> {
    const ok = await this.confirm({
      title: `Delete ${user.displayName}?`,
      message: 'The account is removed; the audit log keeps what they did.',
      confirmLabel: 'Delete',
      destructive: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.deleteUser(user.id));
      this.notify.success(`${user.displayName} deleted.`);
    } catch (error) {
      this.notify.error(error, `Deleting ${user.displayName}`);
    }
    this.reload();
  }

  protected async revoke(key: ApiKey): Promise<void> {
    const ok = await this.confirm({
      title: `Revoke ${key.name}?`,
      message:
        'Services using this key are refused from their next request. This cannot be undone.',
      confirmLabel: 'Revoke',
      destructive: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.revokeKey(key.id));
      this.notify.success(`${key.name} revoked.`);
    } catch (error) {
      this.notify.error(error, `Revoking ${key.name}`);
    }
    this.reload();
  }
}
