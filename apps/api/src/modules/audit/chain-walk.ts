import { timingSafeEqual } from 'node:crypto';
import { type ChainKeyLookup } from './audit-chain-keys';
import {
  type ChainedContent,
  GENESIS_HASH,
  hashEvent,
  macEvent,
} from './hash-chain';

/** A stored event as the chain sees it. */
export interface ChainRow {
  content: ChainedContent;
  id: string;
  /** Null for an event written before the chain was MACed. */
  macKeyId: string | null;
  hash: string;
}

/**
 * Checks events oldest first, one at a time. Events written before the MAC (SHA-256 only) are a
 * legacy prefix: they verify only up to the first MACed event, which seals the last of them through
 * its `prevHash`. A legacy event after a MACed one, or at the head, is a downgrade anyone with the
 * database could have written.
 */
export class ChainWalk {
  private previous: ChainRow | null = null;
  private unsealedFrom: string | null = null;

  constructor(private readonly keyFor: ChainKeyLookup) {}

  /** False when the event does not follow: changed, moved, after a gap, or downgraded. */
  accept(row: ChainRow): boolean {
    if (!this.linked(row) || !this.authentic(row)) return false;
    this.unsealedFrom = row.macKeyId ? null : (this.unsealedFrom ?? row.id);
    this.previous = row;
    return true;
  }

  /** The first of the legacy events no MACed event seals yet (they could be rewritten); null when none. */
  unsealed(): string | null {
    return this.unsealedFrom;
  }

  private linked(row: ChainRow): boolean {
    const { seq, prevHash } = row.content;
    // The oldest event kept starts the chain: the genesis hash, or the last hash of an archived part.
    if (!this.previous) return seq !== '1' || prevHash === GENESIS_HASH;
    return (
      BigInt(seq) === BigInt(this.previous.content.seq) + 1n &&
      prevHash === this.previous.hash
    );
  }

  private authentic(row: ChainRow): boolean {
    if (row.macKeyId === null)
      return !this.previous?.macKeyId && hashEvent(row.content) === row.hash;
    const key = this.keyFor(row.macKeyId);
    return !!key && sameHex(macEvent(row.content, key), row.hash);
  }
}

function sameHex(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
