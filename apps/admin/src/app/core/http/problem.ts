import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@llm-registry/contracts';

/** The API's problem+json body, when the error carries one. */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (
    typeof body === 'object' &&
    body !== null &&
    'status' in body &&
    'title' in body
  )
    return body as ProblemDetails;
  return null;
}

/** What to do next, by status, when the API's own sentence does not say it. */
function nextStep(status: number): string {
  switch (status) {
    case 0:
      return 'The registry did not answer: check that it is running and try again.';
    case 401:
      return 'Your session ended: sign in again.';
    case 403:
      return 'Your role may not do this: ask an admin.';
    case 404:
      return 'It may have been deleted: refresh the page.';
    case 409:
      return 'Someone changed it meanwhile, or something depends on it: refresh and try again.';
    case 428:
      return 'Refresh the page and try again.';
    case 429:
      return 'Too many attempts: wait a moment and try again.';
    default:
      return status >= 500
        ? 'The registry failed: try again, and if it persists, give your admin the reference below.'
        : '';
  }
}

/** One readable sentence for a failed request: what happened, what to do next, and the reference. */
export function errorMessage(error: unknown, action = 'The request'): string {
  const problem = problemOf(error);
  if (problem) {
    // Field errors the detail already names add nothing but length.
    const fields = (problem.errors ?? [])
      .filter((e) => !problem.detail?.includes(e.field))
      .map((e) => `${e.field} ${e.message}`)
      .join('; ');
    const what = [problem.detail || problem.title, fields]
      .filter(Boolean)
      .join(': ');
    const ref = problem.correlationId ? ` (ref ${problem.correlationId})` : '';
    return `${what}. ${nextStep(problem.status)}${ref}`
      .replace(/\.\./g, '.')
      .trim();
  }
  if (error instanceof HttpErrorResponse)
    return `${action} failed (${error.status || 'no answer'}). ${nextStep(error.status)}`.trim();
  return `${action} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Puts the API's field errors on the matching controls (`params.temperature` → `form.get('params.temperature')`,
 * with `prefix` stripped first). Returns the errors no control matched, to be shown elsewhere.
 */
export function applyServerErrors(
  form: AbstractControl,
  errors: readonly FieldError[] | undefined,
  mapField: (field: string) => string | null = (f) => f,
): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors ?? []) {
    const path = mapField(error.field);
    const control = path === null ? null : form.get(path);
    if (control) {
      control.setErrors({
        ...(control.errors ?? {}),
        server: capitalise(error.message),
      });
      control.markAsTouched();
    } else {
      unmatched.push(error);
    }
  }
  return unmatched;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
