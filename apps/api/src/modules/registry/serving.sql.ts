import { SERVING_STATUSES } from '@llm-registry/contracts';

/** SQL that holds for the `models` rows (under `alias`) that still serve: active or deprecated. */
export function servingSql(alias: string): string {
  return `${alias}.status IN (${SERVING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}
