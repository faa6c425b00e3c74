import { csvCell, exportLines, type ExportedEvent } from './audit-export';

const event: ExportedEvent = {
  seq: '7',
  id: 'e1',
  at: '2026-11-22T10:00:00.000Z',
  actor: { type: 'user', id: 'u1', label: 'ada@example.com' },
  action: 'model.updated',
  entityType: 'model',
  entityId: 'm1',
  changes: { name: { before: 'a, "b"', after: 'c' } },
  context: { ip: '127.0.0.1' },
  prevHash: 'p',
  hash: 'h',
  macKeyId: 'k',
};

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

async function* one(): AsyncGenerator<ExportedEvent> {
  yield event;
}

describe('exportLines', () => {
  it('writes one JSON object per line for ndjson', async () => {
    const text = await collect(exportLines(one(), 'ndjson'));
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(event);
  });

  it('writes a header and quoted RFC 4180 rows for csv', async () => {
    const text = await collect(exportLines(one(), 'csv'));
    const [header, row] = text.split('\r\n');
    expect(header).toBe(
      'seq,id,at,actorType,actorId,actorLabel,action,entityType,entityId,changes,context,prevHash,hash,macKeyId',
    );
    expect(row).toBe(
      '7,e1,2026-11-22T10:00:00.000Z,user,u1,ada@example.com,model.updated,model,m1,"{""name"":{""before"":""a, \\""b\\"""",""after"":""c""}}","{""ip"":""127.0.0.1""}",p,h,k',
    );
  });
});

describe('csvCell', () => {
  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
  });
});
