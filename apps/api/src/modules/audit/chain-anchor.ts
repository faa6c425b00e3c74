import {
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import {
  type Anchor,
  advanceAnchorFile,
  isAfter,
  readAnchorFile,
} from './anchor-file';

/**
 * The chain's head kept outside the database, in this process and (when configured) in a file, so a
 * verify can tell that the newest events were removed: the database alone cannot, since what is
 * left is still a valid chain. Advanced only by committed events and verified heads.
 */
@Injectable()
export class ChainAnchor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private readonly file: string | undefined;
  private memory: Anchor | null = null;
  /** Set once the anchored event is found gone: the anchor stays as the evidence. */
  private frozen = false;
  private writing: Promise<void> | null = null;
  private dirty = false;

  constructor(config: AppConfigService) {
    this.file = config.get('auditAnchorFile');
  }

  async onModuleInit(): Promise<void> {
    if (this.file) this.memory = await readAnchorFile(this.file);
    else
      this.logger.warn(
        'AUDIT_ANCHOR is not set: the audit chain head is kept in memory only, so removing the newest audit events cannot be detected across restarts.',
      );
  }

  /** Waits for the last file write, so the next process starts from it. */
  onModuleDestroy(): Promise<void> {
    return this.flush();
  }

  async flush(): Promise<void> {
    await this.writing;
  }

  /**
   * Moves the head forward (never back) at once in memory; the file write is coalesced in the
   * background, so a request never waits for more than this.
   */
  advance(anchor: Anchor): void {
    if (this.frozen || !isAfter(anchor, this.memory)) return;
    this.memory = anchor;
    if (this.file) this.scheduleWrite(this.file);
  }

  /**
   * Checks that an event appended after `head` continues the anchored chain. A head before the
   * anchor, or another event in its place, means the newest events were removed: the anchor then
   * stops moving, so new events filling the removed places can never hide it.
   */
  noteHead(head: Anchor | null): void {
    const anchor = this.memory;
    if (!anchor || (head && isAfter(head, anchor))) return;
    if (head?.seq !== anchor.seq || head.mac !== anchor.mac)
      this.freeze(anchor);
  }

  /** Keeps the anchor where it is from now on (until a restart reads the file again). */
  freeze(anchor: Anchor): void {
    if (this.frozen) return;
    this.frozen = true;
    this.logger.error(
      `The audit event anchored at seq ${anchor.seq} is gone: the newest audit events were removed from the database.`,
    );
  }

  /** What verify checks: this process's head and the file's (which other processes may advance). */
  async anchors(): Promise<Anchor[]> {
    const stored = this.file ? await readAnchorFile(this.file) : null;
    return [this.memory, stored].filter(
      (anchor): anchor is Anchor => anchor !== null,
    );
  }

  private scheduleWrite(file: string): void {
    this.dirty = true;
    this.writing ??= this.drain(file).finally(() => {
      this.writing = null;
      if (this.dirty) this.scheduleWrite(file);
    });
  }

  private async drain(file: string): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        if (this.memory) await advanceAnchorFile(file, this.memory);
      } catch (error) {
        this.logger.error(
          `Could not write the audit anchor ${file}: ${String(error)}`,
        );
      }
    }
  }
}
