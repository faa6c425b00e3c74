import type { Routes } from '@angular/router';
import { TITLES } from '../../app.paths';

export default [
  {
    path: '',
    title: TITLES.knowledgeBases,
    loadComponent: () =>
      import('./knowledge-bases-page').then((m) => m.KnowledgeBasesPage),
  },
] satisfies Routes;
