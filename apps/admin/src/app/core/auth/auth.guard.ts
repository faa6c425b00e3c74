import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { PATHS } from '../../app.paths';
import { AuthStore } from './auth.store';

/** Signed-in users only; others go to the login page and come back after. */
export const authGuard: CanActivateFn = async (_route, state) => {
  // inject() only works before the first await.
  const auth = inject(AuthStore);
  const router = inject(Router);
  const me = await auth.ensure();
  return me
    ? true
    : router.createUrlTree([`/${PATHS.login}`], {
        queryParams:
          state.url && state.url !== '/' ? { returnUrl: state.url } : {},
      });
};

/** Admin-only pages (users and keys). */
export const adminGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  await auth.ensure();
  return auth.isAdmin() ? true : router.createUrlTree(['/']);
};
