import {
  HttpErrorResponse,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API, PATHS } from '../../app.paths';
import { AuthStore } from './auth.store';

/** A 401 on any API call but the sign-in itself means the session is gone: back to the login page. */
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
      return throwError(() => error);
    }),
  );
};
