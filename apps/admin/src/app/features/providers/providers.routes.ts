import type { Routes } from '@angular/router';
import { TITLES } from '../../app.paths';

export default [
  {
    path: '',
    title: TITLES.providers,
    loadComponent: () =>
      import('./providers-page').then((m) => m.ProvidersPage),
  },
] satisfies Routes;
