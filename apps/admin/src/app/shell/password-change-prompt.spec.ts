import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { LoginResponse, ProblemDetails } from '@llm-registry/contracts';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { AuthStore } from '../core/auth/auth.store';
import { Notify } from '../core/notify';
import { promptForRequiredPasswordChange } from './password-change-prompt';

const GENERATED = 'Xq3-generated-password';

const signedIn = (passwordChangeRequired: boolean): LoginResponse => ({
  accessToken: 'llmrs_x',
  expiresAt: '2030-01-01T00:00:00.000Z',
  csrfToken: 'csrf',
  passwordChangeRequired,
  user: {
    id: 'u1',
    email: 'admin@llm-registry.local',
    displayName: 'Administrator',
    role: 'admin',
    disabled: false,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  },
});

const changeRequired: ProblemDetails = {
  type: 'about:blank',
  title: 'Password change required',
  status: 403,
  detail: 'Change it first.',
  code: 'PASSWORD_CHANGE_REQUIRED',
  instance: '/api/v1/admin/models',
  correlationId: 'c1',
} as ProblemDetails;

describe('the required password change', () => {
  let http: HttpTestingController;
  let auth: AuthStore;
  let dialog: MatDialog;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
        { provide: Notify, useValue: { success: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    dialog = TestBed.inject(MatDialog);
    TestBed.runInInjectionContext(() => promptForRequiredPasswordChange());
  });

  afterEach(() => {
    dialog.closeAll();
    http.verify();
  });

  async function signIn(passwordChangeRequired: boolean): Promise<void> {
    const done = auth.login('admin@llm-registry.local', GENERATED);
    http
      .expectOne('/api/v1/auth/login')
      .flush(signedIn(passwordChangeRequired));
    await done;
    TestBed.tick();
  }

  const dialogElement = () =>
    document.querySelector('app-change-password-dialog');
  const buttons = () =>
    Array.from(dialogElement()?.querySelectorAll('button') ?? [], (button) =>
      button.textContent?.trim(),
    );

  function type(control: string, value: string): void {
    const input = dialogElement()?.querySelector<HTMLInputElement>(
      `input[formcontrolname="${control}"]`,
    );
    if (!input) throw new Error(`no ${control} input`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('opens at once after signing in with a password that must change, and cannot be dismissed', async () => {
    await signIn(true);
    expect(dialog.openDialogs).toHaveLength(1);
    expect(dialogElement()?.textContent).toContain('Choose your own password');
    expect(buttons()).toEqual(['Sign out', 'Change password']);
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    (document.querySelector('.cdk-overlay-backdrop') as HTMLElement)?.click();
    await settle();
    expect(dialog.openDialogs).toHaveLength(1);

    type('currentPassword', GENERATED);
    type('newPassword', 'a-brand-new-passphrase-7');
    dialogElement()?.querySelector('form')?.dispatchEvent(new Event('submit'));
    const change = http.expectOne('/api/v1/auth/password');
    expect(change.request.body).toEqual({
      currentPassword: GENERATED,
      newPassword: 'a-brand-new-passphrase-7',
    });
    change.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    TestBed.tick();
    expect(auth.mustChangePassword()).toBe(false);
    expect(dialog.openDialogs).toHaveLength(0);
  });

  it('stays closed after signing in with a password of ones own', async () => {
    await signIn(false);
    expect(dialog.openDialogs).toHaveLength(0);
  });

  it('opens once when calls answer 403 PASSWORD_CHANGE_REQUIRED, not for another 403', async () => {
    await signIn(false);
    const client = TestBed.inject(HttpClient);
    const call = (problem: ProblemDetails) => {
      client.get('/api/v1/admin/models').subscribe({ error: () => undefined });
      http
        .expectOne('/api/v1/admin/models')
        .flush(problem, { status: 403, statusText: 'Forbidden' });
      TestBed.tick();
    };
    call({ ...changeRequired, code: 'FORBIDDEN' });
    expect(dialog.openDialogs).toHaveLength(0);
    call(changeRequired);
    call(changeRequired);
    expect(dialog.openDialogs).toHaveLength(1);
    expect(buttons()).toContain('Sign out');
  });
});
