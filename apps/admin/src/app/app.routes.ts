import type { Route } from '@angular/router';
import { PATHS, TITLES } from './app.paths';
import { adminGuard, authGuard } from './core/auth/auth.guard';

export const appRoutes: Route[] = [
  {
    path: PATHS.login,
    title: TITLES.login,
    loadComponent: () => import('./shell/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: PATHS.models },
      {
        path: PATHS.models,
        loadChildren: () => import('./features/models/models.routes'),
      },
      {
        path: PATHS.providers,
        loadChildren: () => import('./features/providers/providers.routes'),
      },
      {
        path: PATHS.knowledgeBases,
        loadChildren: () =>
          import('./features/knowledge-bases/knowledge-bases.routes'),
      },
      {
        path: PATHS.audit,
        loadChildren: () => import('./features/audit/audit.routes'),
      },
      {
        path: PATHS.users,
        canActivate: [adminGuard],
        loadChildren: () => import('./features/users/users.routes'),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
