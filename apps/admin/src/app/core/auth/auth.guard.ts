import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { PATHS } from '../../app.paths';
import { AuthStore } from './auth.store';

/** Signed-in users only; others go to the login page and come back after. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const me = await inject(AuthStore).ensure();
  return me
    ? true
    : inject(Router).createUrlTree([`/${PATHS.login}`], {
        queryParams:
          state.url && state.url !== '/' ? { returnUrl: state.url } : {},
      });
};

/** Admin-only pages (users and keys). */
export const adminGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  await auth.ensure();
  return auth.isAdmin() ? true : inject(Router).createUrlTree(['/']);
};
