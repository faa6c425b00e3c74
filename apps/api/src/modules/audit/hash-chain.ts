import { createHash, createHmac, hkdfSync } from 'node:crypto';
import {
  type AuditAction,
  type AuditActor,
  type AuditChanges,
  type AuditContext,
  type AuditEntityType,
} from '@llm-registry/contracts';

/** The previous hash of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an event's hash covers: its content, its place in the chain and the hash before it. */
export interface ChainedContent {
  seq: string;
  id: string;
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  changes: AuditChanges;
  context: AuditContext;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level and `undefined` left out: the same value always gives
 * the same text, whatever order its keys were built in or came back from jsonb.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * SHA-256 (hex) of the event's canonical content: how rows were chained before the MAC. Anyone with
 * the database can recompute it, so it only still verifies the legacy prefix a MACed row seals.
 */
export function hashEvent(content: ChainedContent): string {
  return createHash('sha256')
    .update(canonicalJson({ ...content, at: content.at.toISOString() }))
    .digest('hex');
}

/** A key the chain is MACed with: derived from a master key, named by that master key's id. */
export interface ChainKey {
  id: string;
  key: Buffer;
}

const CHAIN_KEY_INFO = 'llm-registry audit chain v1';

/** A key of its own for the chain (HKDF), so a MAC never reveals anything about the key that wraps secrets. */
export function deriveChainKey(master: { id: string; key: Buffer }): ChainKey {
  return {
    id: master.id,
    key: Buffer.from(hkdfSync('sha256', master.key, '', CHAIN_KEY_INFO, 32)),
  };
}

/**
 * HMAC-SHA256 (hex) of the event's canonical content and the id of the key: without the key, which
 * never enters the database in clear, nobody can write a row that verifies.
 */
export function macEvent(content: ChainedContent, key: ChainKey): string {
  return createHmac('sha256', key.key)
    .update(
      canonicalJson({
        ...content,
        at: content.at.toISOString(),
        macKeyId: key.id,
      }),
    )
    .digest('hex');
}
