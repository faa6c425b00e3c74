import {
  type AuditEvent,
  type AuditExportFormat,
} from '@llm-registry/contracts';

/**
 * An exported event carries its place in the chain and the key that MACed it, so an archive can be
 * verified later by whoever holds that key (null: a SHA-256 event from before the MAC).
 */
export type ExportedEvent = AuditEvent & {
  seq: string;
  prevHash: string;
  macKeyId: string | null;
};

const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'entityType',
  'entityId',
  'changes',
  'context',
  'prevHash',
  'hash',
  'macKeyId',
] as const;

export const EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Bytes gathered before a write: one write per event would cost a syscall each. */
const CHUNK_BYTES = 64 * 1024;

/** The export as text chunks of whole lines (after a header for CSV), built as the events arrive. */
export async function* exportLines(
  events: AsyncIterable<ExportedEvent>,
  format: AuditExportFormat,
): AsyncGenerator<string> {
  let chunk = format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
  for await (const event of events) {
    chunk += format === 'csv' ? csvRow(event) : `${JSON.stringify(event)}\n`;
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function csvRow(event: ExportedEvent): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    seq: event.seq,
    id: event.id,
    at: event.at,
    actorType: event.actor.type,
    actorId: event.actor.id ?? '',
    actorLabel: event.actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? '',
    changes: JSON.stringify(event.changes),
    context: JSON.stringify(event.context),
    prevHash: event.prevHash,
    hash: event.hash,
    macKeyId: event.macKeyId ?? '',
  };
  return `${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting; text a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a
 * quote mark, so an actor label cannot become a formula in the auditor's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
