import { Logger } from '@nestjs/common';

/** Told the ids of the rows that changed, once their transaction has committed. */
export type ChangeListener = (ids: readonly string[]) => Promise<void>;

/**
 * An after-commit notification a module offers so that others can follow its changes without it
 * knowing them (no import, no cycle). Publish only after the transaction committed: a listener may
 * queue jobs, which must never happen inside a transaction (the embedded database has one session).
 */
export abstract class CommittedChanges {
  private readonly listeners: ChangeListener[] = [];
  private readonly logger = new Logger(this.constructor.name);

  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Awaits every listener; a failing listener is logged, never thrown: the change itself is done, and
   * listeners repair what they miss on their own (the LiteLLM mirror's reconcile, for one).
   */
  async publish(ids: Iterable<string>): Promise<void> {
    const changed = [...new Set(ids)];
    if (changed.length === 0) return;
    for (const listener of this.listeners) {
      try {
        await listener(changed);
      } catch (error) {
        this.logger.error(
          `A listener missed ${changed.length} change(s): ${String(error)}`,
        );
      }
    }
  }
}
