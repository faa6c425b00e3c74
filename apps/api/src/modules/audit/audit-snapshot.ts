/** An entity's contract form without the fields every write moves (ids, timestamps, versions). */
export function auditSnapshot<T extends object>(
  value: T,
  leaveOut: readonly (keyof T)[],
): Record<string, unknown> {
  const snapshot = { ...value } as Record<string, unknown>;
  for (const key of leaveOut) delete snapshot[key as string];
  return snapshot;
}
