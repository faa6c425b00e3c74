import { Inject, Injectable } from '@nestjs/common';
import { open, rewrap, seal, type Sealed } from '../keyring/envelope';
import { KEYRING_SOURCE, type KeyringSource } from '../keyring/keyring-source';
import {
  AuditChainKeysRepository,
  type StoredChainKey,
} from './audit-chain-keys.repository';
import { type ChainKey, deriveChainKey } from './hash-chain';

/** Finds the chain key a row names, or null when none of the configured master keys can provide it. */
export type ChainKeyLookup = (id: string) => ChainKey | null;

/**
 * The chain's MAC keys: new events are MACed under the primary master key's; every master key's is
 * also kept sealed in the database under the primary, so events MACed before a rotation still verify
 * once the old master key is dropped.
 */
@Injectable()
export class AuditChainKeys {
  private current: ChainKey | null = null;

  constructor(
    @Inject(KEYRING_SOURCE) private readonly source: KeyringSource,
    private readonly stored: AuditChainKeysRepository,
  ) {}

  /** The key new events are MACed with; follows the primary master key when rotation replaces it. */
  primary(): ChainKey {
    const master = this.source.keys.primary;
    if (this.current?.id !== master.id) this.current = deriveChainKey(master);
    return this.current;
  }

  /**
   * Seals every configured master key's chain key under the primary, and re-seals the retired ones
   * still under an older key. Run at boot and when rotation brings a new primary, while the old
   * master keys are still configured.
   */
  async keep(): Promise<void> {
    const keys = this.source.keys;
    const stored = await this.stored.findAll();
    const storedIds = new Set(stored.map((row) => row.keyId));
    for (const master of keys.all.values()) {
      if (storedIds.has(master.id)) continue;
      const chainKey = deriveChainKey(master);
      await this.stored.insert(
        toStored(
          chainKey.id,
          seal(chainKey.key.toString('base64'), context(chainKey.id), keys),
        ),
      );
    }
    for (const row of stored) {
      if (
        row.wrappingKeyId === keys.primary.id ||
        !keys.all.has(row.wrappingKeyId)
      )
        continue;
      await this.stored.rewrap(
        toStored(row.keyId, rewrap(sealedOf(row), context(row.keyId), keys)),
      );
    }
  }

  /** Every key verify can use: the configured master keys' and the sealed ones they can open. */
  async lookup(): Promise<ChainKeyLookup> {
    const keys = this.source.keys;
    const known = new Map<string, ChainKey>();
    for (const row of await this.stored.findAll()) {
      try {
        const key = open(sealedOf(row), context(row.keyId), keys);
        known.set(row.keyId, {
          id: row.keyId,
          key: Buffer.from(key, 'base64'),
        });
      } catch {
        // Sealed under a master key no longer configured, or not sealed by us: its events cannot verify.
      }
    }
    for (const master of keys.all.values())
      known.set(master.id, deriveChainKey(master));
    return (id) => known.get(id) ?? null;
  }
}

/** Binds the sealed key to its id, so a sealed key cannot be passed off as another. */
function context(keyId: string): string {
  return `audit-chain-key:${keyId}`;
}

function toStored(keyId: string, sealed: Sealed): StoredChainKey {
  return {
    keyId,
    wrappingKeyId: sealed.keyId,
    wrappedKey: sealed.wrappedKey,
    ciphertext: sealed.ciphertext,
  };
}

function sealedOf(row: StoredChainKey): Sealed {
  return {
    keyId: row.wrappingKeyId,
    wrappedKey: row.wrappedKey,
    ciphertext: row.ciphertext,
  };
}
