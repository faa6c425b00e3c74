import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface WaitForOptions<T> {
  /** What is awaited, for the failure message: `model 42 to be synced`. */
  description: string;
  /** Whether the observed value is the awaited one; by default, whether it is truthy. */
  until?: (value: T) => boolean;
  /** Default 30 s, well inside the integration tests' Jest timeout. */
  timeoutMs?: number;
  /** Pause between two checks; default 50 ms. */
  intervalMs?: number;
}

/**
 * The one polling loop of the integration tests: runs `check` until its value is the awaited one and
 * returns that value. On timeout it fails naming what it waited for and the last value it saw. An error
 * thrown by `check` (an unexpected status, say) fails at once: waiting would not mend it.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  {
    description,
    until = Boolean,
    timeoutMs = 30_000,
    intervalMs = 50,
  }: WaitForOptions<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (until(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${description}; last observed: ${describe(value)}`,
      );
    await sleep(intervalMs);
  }
}

function describe(value: unknown): string {
  const text = inspect(value, { depth: 6, breakLength: Infinity });
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
