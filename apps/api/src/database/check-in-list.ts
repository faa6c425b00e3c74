/** The SQL of a CHECK constraint keeping a column to a list of values: `"status" IN ('a', 'b')`. */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}
