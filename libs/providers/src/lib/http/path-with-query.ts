/** `/v1/models` + `{ limit: '1000', after_id: null }` → `/v1/models?limit=1000`; null values are left out. */
export function pathWithQuery(
  path: string,
  query: Record<string, string | null>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
