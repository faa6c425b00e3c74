import { type FieldError } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  CsrfFailed = 'CSRF_FAILED',
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  EmailTaken = 'EMAIL_TAKEN',
  UserNotFound = 'USER_NOT_FOUND',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  LastAdmin = 'LAST_ADMIN',
}

const STATUS: Record<AuthErrorCode, number> = {
  [AuthErrorCode.Unauthenticated]: 401,
  [AuthErrorCode.InvalidCredentials]: 401,
  [AuthErrorCode.Forbidden]: 403,
  [AuthErrorCode.CsrfFailed]: 403,
  [AuthErrorCode.PasswordChangeRequired]: 403,
  [AuthErrorCode.TooManyAttempts]: 429,
  [AuthErrorCode.EmailTaken]: 409,
  [AuthErrorCode.UserNotFound]: 404,
  [AuthErrorCode.ApiKeyNotFound]: 404,
  [AuthErrorCode.LastAdmin]: 409,
};

const TITLE: Record<AuthErrorCode, string> = {
  [AuthErrorCode.Unauthenticated]: 'Authentication required',
  [AuthErrorCode.InvalidCredentials]: 'Sign-in failed',
  [AuthErrorCode.Forbidden]: 'Forbidden',
  [AuthErrorCode.CsrfFailed]: 'CSRF check failed',
  [AuthErrorCode.PasswordChangeRequired]: 'Password change required',
  [AuthErrorCode.TooManyAttempts]: 'Too many attempts',
  [AuthErrorCode.EmailTaken]: 'Email already used',
  [AuthErrorCode.UserNotFound]: 'User not found',
  [AuthErrorCode.ApiKeyNotFound]: 'API key not found',
  [AuthErrorCode.LastAdmin]: 'Last admin',
};

export class AuthException extends ProblemException {
  constructor(
    code: AuthErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(
      STATUS[code],
      code,
      TITLE[code],
      detail,
      options.errors,
      options.headers,
    );
  }

  static unauthenticated(
    detail = 'Sign in, or send an API key as `Authorization: Bearer llmr_…`.',
  ): AuthException {
    return new AuthException(AuthErrorCode.Unauthenticated, detail, {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
}
