import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import {
  MatListItem,
  MatListItemIcon,
  MatListItemTitle,
  MatNavList,
} from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import {
  MatSidenav,
  MatSidenavContainer,
  MatSidenavContent,
} from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import {
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { distinctUntilChanged, filter, map, skip } from 'rxjs';
import { PATHS } from '../app.paths';
import { AuthStore } from '../core/auth/auth.store';
import { ThemeStore } from '../core/theme/theme.store';
import { ChangePasswordDialog } from './change-password-dialog';
import { promptForRequiredPasswordChange } from './password-change-prompt';

interface NavItem {
  path: string;
  label: string;
  icon: string;
  adminOnly?: boolean;
}

const NAV: readonly NavItem[] = [
  { path: PATHS.models, label: 'Models', icon: 'model_training' },
  { path: PATHS.providers, label: 'Providers', icon: 'cloud' },
  {
    path: PATHS.knowledgeBases,
    label: 'Knowledge bases',
    icon: 'library_books',
  },
  { path: PATHS.audit, label: 'Audit log', icon: 'history' },
  { path: PATHS.users, label: 'Users & keys', icon: 'group', adminOnly: true },
];

@Component({
  selector: 'app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatToolbar,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatIcon,
    MatIconButton,
    MatButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatTooltip,
  ],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)"
      >Skip to content</a
    >
    <mat-sidenav-container class="container">
      <mat-sidenav
        #sidenav
        [mode]="wide() ? 'side' : 'over'"
        [opened]="wide()"
        class="sidenav"
        [attr.role]="'navigation'"
        aria-label="Main"
      >
        <div class="brand">
          <mat-icon aria-hidden="true">hub</mat-icon>
          <span>LLM Registry</span>
        </div>
        <mat-nav-list>
          @for (item of nav(); track item.path) {
            <a
              mat-list-item
              [routerLink]="'/' + item.path"
              routerLinkActive
              #rla="routerLinkActive"
              [activated]="rla.isActive"
              [attr.aria-current]="rla.isActive ? 'page' : null"
              (click)="wide() || sidenav.close()"
            >
              <mat-icon matListItemIcon aria-hidden="true">{{
                item.icon
              }}</mat-icon>
              <span matListItemTitle>{{ item.label }}</span>
            </a>
          }
        </mat-nav-list>
        @if (!auth.canWrite()) {
          <p class="readonly-note" role="note">
            <mat-icon aria-hidden="true">visibility</mat-icon>
            You are a viewer: everything is read-only.
          </p>
        }
      </mat-sidenav>
      <mat-sidenav-content>
        <mat-toolbar class="toolbar">
          @if (!wide()) {
            <button
              mat-icon-button
              type="button"
              (click)="sidenav.toggle()"
              aria-label="Open navigation"
            >
              <mat-icon>menu</mat-icon>
            </button>
          }
          <span class="spacer"></span>
          <button
            mat-icon-button
            type="button"
            (click)="theme.toggle()"
            [matTooltip]="
              theme.theme() === 'dark'
                ? 'Switch to light theme'
                : 'Switch to dark theme'
            "
            [attr.aria-label]="
              theme.theme() === 'dark'
                ? 'Switch to light theme'
                : 'Switch to dark theme'
            "
            data-testid="theme-toggle"
          >
            <mat-icon>{{
              theme.theme() === 'dark' ? 'light_mode' : 'dark_mode'
            }}</mat-icon>
          </button>
          @if (auth.me(); as me) {
            <button
              mat-button
              type="button"
              [matMenuTriggerFor]="userMenu"
              class="user"
              data-testid="user-menu"
            >
              <mat-icon>account_circle</mat-icon>
              <span class="user-name">{{ me.name }}</span>
              <span
                class="role"
                [class.viewer]="me.role !== 'admin'"
                data-testid="user-role"
                >{{ me.role }}</span
              >
            </button>
            <mat-menu #userMenu="matMenu">
              <div class="menu-email" role="presentation">{{ me.email }}</div>
              <button mat-menu-item type="button" (click)="changePassword()">
                <mat-icon>password</mat-icon>
                Change password
              </button>
              <button mat-menu-item type="button" (click)="logout()">
                <mat-icon>logout</mat-icon>
                Sign out
              </button>
            </mat-menu>
          }
        </mat-toolbar>
        <main id="main" tabindex="-1">
          <!-- Pages load once the password is changed: until then every call would be refused. -->
          @if (!auth.mustChangePassword()) {
            <router-outlet />
          }
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    .container {
      height: 100vh;
    }
    .sidenav {
      width: 240px;
      border-right: 1px solid var(--mat-sys-outline-variant);
      --mat-sidenav-container-shape: 0;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      height: 56px;
      padding: 0 20px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .toolbar {
      position: sticky;
      top: 0;
      z-index: 2;
      height: 56px;
      background: var(--mat-sys-surface);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .spacer {
      flex: 1;
    }
    .user {
      margin-left: 8px;
    }
    .user-name {
      margin: 0 8px 0 4px;
    }
    .role {
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      padding: 2px 8px;
      border-radius: 10px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .role.viewer {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .menu-email {
      padding: 8px 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .readonly-note {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 16px;
      padding: 8px 12px;
      border-radius: 8px;
      font: var(--mat-sys-body-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    main:focus {
      outline: none;
    }
    .skip-link {
      position: absolute;
      left: -9999px;
      z-index: 10;
      padding: 8px 16px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .skip-link:focus {
      left: 8px;
      top: 8px;
    }
  `,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly theme = inject(ThemeStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 1024px)')
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );

  protected readonly nav = computed(() =>
    NAV.filter((item) => !item.adminOnly || this.auth.isAdmin()),
  );

  constructor() {
    promptForRequiredPasswordChange();
    // On another page, focus moves to its content, as after a page load: keyboard and screen-reader
    // users start there instead of on the link they left. Query changes (filters) keep the focus.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        distinctUntilChanged(),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() =>
        this.document.getElementById('main')?.focus({ preventScroll: true }),
      );
  }

  /** With `<base href="/">`, a bare `#main` link would load `/#main`: move the focus instead. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  protected changePassword(): void {
    this.dialog.open(ChangePasswordDialog, {
      width: '480px',
      maxWidth: '96vw',
    });
  }

  protected async logout(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate([`/${PATHS.login}`]);
  }
}
