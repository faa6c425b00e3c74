import { type PGlite } from '@electric-sql/pglite';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Sync ('S'), a simple Query ('Q'), Terminate ('X') or a startup packet (its length's first byte is 0). */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === 0x53 || type === 0x51 || type === 0x58 || type === 0;
}

/**
 * The order in which socket clients' protocol messages reach PGlite's single session.
 *
 * pglite-socket 0.2.17 keeps one client's messages together only inside an explicit transaction. An
 * extended-protocol query is several messages (Parse, Bind, Execute… Sync), so under load another
 * client's Parse could replace the unnamed statement between them ("bind message supplies 13
 * parameters, but prepared statement "" requires 3", seen with BullMQ and TypeORM side by side). Here
 * a client owns the session from its first message until an exchange ends outside a transaction.
 */
export class PgliteSessionQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      this.queue[i].reject(new Error('Handler disconnected'));
      this.queue.splice(i, 1);
    }
  }

  /** A client that went away mid-transaction or mid-exchange must not keep the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index =
          this.owner === null
            ? 0
            : this.queue.findIndex((m) => m.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) return;
        const [next] = this.queue.splice(index, 1);
        this.owner = next.handlerId;
        await this.execute(next);
        if (endsExchange(next.message) && !this.db.isInTransaction())
          this.owner = null;
      }
    } finally {
      this.processing = false;
    }
  }

  private async execute(item: QueuedMessage): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
      item.resolve(bytes);
    } catch (error) {
      item.reject(error);
    }
  }
}
