import type { Routes } from '@angular/router';
import { TITLES } from '../../app.paths';

export default [
  {
    path: '',
    title: TITLES.audit,
    loadComponent: () => import('./audit-page').then((m) => m.AuditPage),
  },
] satisfies Routes;
