/**
 * What anyone may see of a secret: a recognisable prefix (`sk-`, `AIza`) and the last four characters,
 * e.g. `sk-…abcd`. Short secrets show nothing.
 */
export function maskSecret(value: string): string {
  if (value.length < 12) return '…';
  const prefix =
    /^[A-Za-z]{2,4}[-_]/.exec(value)?.[0] ?? /^AIza/.exec(value)?.[0] ?? '';
  return `${prefix}…${value.slice(-4)}`;
}

/** The masked hint of each field of a secret. */
export function maskValues(
  values: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, maskSecret(value)]),
  );
}
