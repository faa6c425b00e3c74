import { createHash, randomBytes } from 'node:crypto';

export interface MasterKey {
  /** Derived from the key itself, so the same key always has the same id on every replica. */
  id: string;
  key: Buffer;
}

/** The primary key encrypts; every key in `all` (primary included) can decrypt. */
export interface Keyring {
  primary: MasterKey;
  all: ReadonlyMap<string, MasterKey>;
}

export function masterKey(base64: string): MasterKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('A master key must be 32 bytes.');
  return {
    id: createHash('sha256').update(key).digest('hex').slice(0, 16),
    key,
  };
}

export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}

export function keyring(primary: MasterKey, others: MasterKey[] = []): Keyring {
  const all = new Map<string, MasterKey>([
    [primary.id, primary],
    ...others.map((k) => [k.id, k] as const),
  ]);
  return { primary, all };
}
