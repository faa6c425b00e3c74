import { DOCUMENT } from '@angular/common';
import { effect, inject, Injectable, signal } from '@angular/core';

const STORAGE_KEY = 'llmr-theme';
export type ThemeName = 'light' | 'dark';

/** Light or dark: the user's choice, else the system's; kept across visits. */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  private readonly document = inject(DOCUMENT);
  readonly theme = signal<ThemeName>(this.initial());

  constructor() {
    effect(() => {
      const dark = this.theme() === 'dark';
      this.document.documentElement.classList.toggle('dark-theme', dark);
    });
  }

  /** Applies the theme before the first render. */
  apply(): void {
    this.document.documentElement.classList.toggle(
      'dark-theme',
      this.theme() === 'dark',
    );
  }

  toggle(): void {
    this.set(this.theme() === 'dark' ? 'light' : 'dark');
  }

  set(theme: ThemeName): void {
    this.theme.set(theme);
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Storage may be unavailable (private mode): the choice lasts for this visit.
    }
  }

  private initial(): ThemeName {
    const view = this.document.defaultView;
    try {
      const stored = view?.localStorage.getItem(STORAGE_KEY);
      if (stored === 'light' || stored === 'dark') return stored;
    } catch {
      // fall through to the system preference
    }
    return view?.matchMedia?.('(prefers-color-scheme: dark)').matches
      ? 'dark'
      : 'light';
  }
}
