import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { LoginResponse, Me } from '@llm-registry/contracts';
import { API } from '../../app.paths';

/** Who is signed in. The session itself is an HttpOnly cookie the app never reads. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private checked = false;

  readonly me = signal<Me | null>(null);
  readonly isAdmin = computed(() => this.me()?.role === 'admin');
  /** Viewers read everything and change nothing. */
  readonly canWrite = this.isAdmin;
  /** Signed in with a generated or admin-set password: nothing else works until it is changed. */
  readonly mustChangePassword = computed(
    () => this.me()?.passwordChangeRequired === true,
  );

  /** The signed-in user, asking the API once per page load. */
  async ensure(): Promise<Me | null> {
    if (!this.checked) {
      try {
        this.me.set(await firstValueFrom(this.http.get<Me>(`${API}/auth/me`)));
      } catch {
        this.me.set(null);
      }
      this.checked = true;
    }
    return this.me();
  }

  async login(email: string, password: string): Promise<Me> {
    const response = await firstValueFrom(
      this.http.post<LoginResponse>(`${API}/auth/login`, { email, password }),
    );
    const me: Me = {
      kind: 'user',
      id: response.user.id,
      name: response.user.displayName,
      email: response.user.email,
      role: response.user.role,
      scope: null,
      passwordChangeRequired: response.passwordChangeRequired,
    };
    this.me.set(me);
    this.checked = true;
    return me;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(`${API}/auth/logout`, {}));
    } finally {
      this.signedOut();
    }
  }

  /** The API refused a call until the password is changed (another tab signed in with it, say). */
  passwordChangeDemanded(): void {
    this.setPasswordChangeRequired(true);
  }

  passwordChanged(): void {
    this.setPasswordChangeRequired(false);
  }

  private setPasswordChangeRequired(required: boolean): void {
    this.me.update((me) => me && { ...me, passwordChangeRequired: required });
  }

  /** The session ended (logout, expiry, revoked). */
  signedOut(): void {
    this.me.set(null);
    this.checked = true;
  }
}
