import { signal } from '@angular/core';

/** Table rows with a request in flight, so their buttons disable and their spinners show. */
export class BusyRows {
  private readonly ids = signal<ReadonlySet<string>>(new Set());

  has(id: string): boolean {
    return this.ids().has(id);
  }

  /** Marks the row busy while `work` runs. */
  async run(id: string, work: () => Promise<void>): Promise<void> {
    this.ids.update((ids) => new Set(ids).add(id));
    try {
      await work();
    } finally {
      this.ids.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }
}
