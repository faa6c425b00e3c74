import type { Routes } from '@angular/router';
import { TITLES } from '../../app.paths';

export default [
  {
    path: '',
    title: TITLES.users,
    loadComponent: () => import('./users-page').then((m) => m.UsersPage),
  },
] satisfies Routes;
