import { type ChainRow, ChainWalk } from './chain-walk';
import {
  type ChainedContent,
  type ChainKey,
  deriveChainKey,
  GENESIS_HASH,
  hashEvent,
  macEvent,
} from './hash-chain';

const key = deriveChainKey({
  id: '00112233aabbccdd',
  key: Buffer.alloc(32, 1),
});
const keyFor = (id: string): ChainKey | null => (id === key.id ? key : null);

function content(seq: number, prevHash: string): ChainedContent {
  return {
    seq: String(seq),
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)),
    actor: { type: 'system', id: null, label: 'system' },
    action: 'model.updated',
    entityType: 'model',
    entityId: `m-${seq}`,
    changes: { priority: { before: seq, after: seq + 1 } },
    context: {},
    prevHash,
  };
}

/** `legacy` events first (SHA-256), then MACed ones, each linked to the one before. */
function chain(legacy: number, maced: number): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let seq = 1; seq <= legacy + maced; seq += 1) {
    const c = content(seq, rows.at(-1)?.hash ?? GENESIS_HASH);
    const isLegacy = seq <= legacy;
    rows.push({
      content: c,
      id: c.id,
      macKeyId: isLegacy ? null : key.id,
      hash: isLegacy ? hashEvent(c) : macEvent(c, key),
    });
  }
  return rows;
}

/** The id of the first row the walk refuses, else of the first unsealed legacy row, else null. */
function firstBroken(rows: ChainRow[]): string | null {
  const walk = new ChainWalk(keyFor);
  const refused = rows.find((row) => !walk.accept(row));
  return refused?.id ?? walk.unsealed();
}

/** What someone with only the database can do: change a row and recompute every later SHA-256. */
function rewriteAsLegacy(rows: ChainRow[], from: number): ChainRow[] {
  const out = rows.slice(0, from);
  for (const row of rows.slice(from)) {
    const c = { ...row.content, prevHash: out.at(-1)?.hash ?? GENESIS_HASH };
    if (out.length === from) c.changes = { priority: { before: 0, after: 0 } };
    out.push({ ...row, content: c, macKeyId: null, hash: hashEvent(c) });
  }
  return out;
}

describe('ChainWalk', () => {
  it('accepts a MACed chain, a sealed legacy prefix, and a chain whose oldest part was archived', () => {
    expect(firstBroken(chain(0, 5))).toBeNull();
    expect(firstBroken(chain(3, 2))).toBeNull();
    expect(firstBroken(chain(0, 5).slice(2))).toBeNull();
  });

  it('names a changed row, even when its MAC was copied along', () => {
    const rows = chain(0, 5);
    rows[2] = {
      ...rows[2],
      content: { ...rows[2].content, entityId: 'm-forged' },
    };
    expect(firstBroken(rows)).toBe(rows[2].id);
  });

  it('names the first rewritten row when every later hash was recomputed without the key', () => {
    const rows = rewriteAsLegacy(chain(0, 5), 2);
    expect(firstBroken(rows)).toBe(rows[2].id);
  });

  it('refuses a whole chain downgraded to SHA-256: legacy rows must be sealed by a MACed one', () => {
    const rows = rewriteAsLegacy(chain(0, 4), 0);
    expect(firstBroken(rows)).toBe(rows[0].id);
    expect(firstBroken(chain(3, 0))).toBe(chain(3, 0)[0].id);
  });

  it('names a row after a gap, a moved row, and a row MACed under a key it cannot find', () => {
    const rows = chain(0, 5);
    expect(firstBroken([...rows.slice(0, 2), ...rows.slice(3)])).toBe(
      rows[3].id,
    );
    expect(firstBroken([rows[0], rows[2], rows[1]])).toBe(rows[2].id);
    const unknown = [...rows];
    unknown[1] = { ...rows[1], macKeyId: 'ffffffffffffffff' };
    expect(firstBroken(unknown)).toBe(rows[1].id);
  });

  it('refuses a legacy prefix rewritten under an existing seal', () => {
    const rows = chain(3, 2);
    const rewritten = [
      ...rewriteAsLegacy(rows.slice(0, 3), 1),
      ...rows.slice(3),
    ];
    expect(firstBroken(rewritten)).toBe(rows[3].id);
  });
});
