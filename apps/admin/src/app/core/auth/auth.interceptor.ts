import {
  HttpErrorResponse,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { PASSWORD_CHANGE_REQUIRED } from '@llm-registry/contracts';
import { API, PATHS } from '../../app.paths';
import { problemOf } from '../http/problem';
import { AuthStore } from './auth.store';

/**
 * A 401 on any API call but the sign-in itself means the session is gone: back to the login page.
 * A 403 PASSWORD_CHANGE_REQUIRED means the password must be changed first: the shell asks for it.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !request.url.startsWith(`${API}/auth/`)
      ) {
        auth.signedOut();
        void router.navigate([`/${PATHS.login}`], {
          queryParams: { returnUrl: router.url, expired: 1 },
        });
      }
      if (problemOf(error)?.code === PASSWORD_CHANGE_REQUIRED)
        auth.passwordChangeDemanded();
      return throwError(() => error);
    }),
  );
};
