import { get } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

const EVENTS = 100_000;

// A collection before each sample, so the heap measured is what is live, not garbage waiting.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Counts the lines of a streamed export without keeping them, sampling the live heap meanwhile. */
function streamExport(
  url: string,
  token: string,
): Promise<{
  status: number;
  lines: number;
  peakHeapGrowth: number;
  type: string;
}> {
  const baseline = liveHeap();
  let peak = baseline;
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let lines = 0;
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 0x0a) lines += 1;
        const before = bytes;
        bytes += chunk.length;
        // A sample every 4 MB received: several while the export runs, cheap enough.
        if (Math.floor(bytes / 4e6) > Math.floor(before / 4e6))
          peak = Math.max(peak, liveHeap());
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          lines,
          peakHeapGrowth: peak - baseline,
          type: String(response.headers['content-type']),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe.each(testBackends())('audit export on %s', (backend) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = await t.app.getUrl();
    // Rows as the trail would hold them; this test is about volume, not the chain.
    await t.dataSource.query(
      `INSERT INTO audit_events (seq, id, at, actor_type, actor_id, actor_label, action, entity_type,
                                 entity_id, changes, context, prev_hash, hash)
       SELECT 1000 + g, gen_random_uuid(), now(), 'system', NULL, 'system', 'model.updated', 'model',
              g::text, jsonb_build_object('priority', jsonb_build_object('before', g, 'after', g + 1)),
              jsonb_build_object('correlationId', md5(g::text)), repeat('0', 64), md5(g::text) || md5(g::text)
         FROM generate_series(1, $1) g`,
      [EVENTS],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['ndjson', 'application/x-ndjson'],
    ['csv', 'text/csv'],
  ])(
    'streams 100,000 events as %s without holding them in memory',
    async (format, type) => {
      const result = await streamExport(
        `${base}/api/v1/admin/audit-events/export?format=${format}&action=model.updated`,
        t.adminToken,
      );
      expect(result.status).toBe(200);
      expect(result.type).toContain(type);
      // One line per event, plus the CSV header.
      expect(result.lines).toBe(EVENTS + (format === 'csv' ? 1 : 0));
      // Held at once, 100,000 events would take hundreds of MB of heap; batches keep it to a few.
      expect(result.peakHeapGrowth).toBeLessThan(32 * 1024 * 1024);
    },
  );

  it('refuses an unknown format with a problem naming the field', async () => {
    const refused = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit-events/export?format=xml',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('format');
  });
});
