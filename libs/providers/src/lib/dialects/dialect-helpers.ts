import { isRecord } from '../http/json-shape';

/** The header when there is a value; a connection without a key sends no auth header at all. */
export function headerIfSet(
  name: string,
  value: string | undefined,
): Record<string, string> {
  return value ? { [name]: value } : {};
}

/** `Authorization: Bearer <key>`, or nothing when there is no key (local servers need none). */
export function bearerAuth(apiKey: string | undefined): Record<string, string> {
  return headerIfSet('Authorization', apiKey && `Bearer ${apiKey}`);
}

/** The non-empty string at `path` inside a JSON body (`stringAt(body, 'error', 'message')`), else null. */
export function stringAt(body: unknown, ...path: string[]): string | null {
  let value = body;
  for (const key of path) {
    if (!isRecord(value)) return null;
    value = value[key];
  }
  return typeof value === 'string' && value !== '' ? value : null;
}
