import type { Routes } from '@angular/router';
import { TITLES } from '../../app.paths';

export default [
  {
    path: '',
    title: TITLES.models,
    loadComponent: () => import('./models-page').then((m) => m.ModelsPage),
  },
] satisfies Routes;
