import { type TestApp } from './test-app';

/** Every job payload BullMQ holds, as text: Redis keys under the prefix, or the bullmq schema's tables. */
export async function queueContents(app: TestApp): Promise<string> {
  if (app.config.queueBackend === 'redis')
    return redisDump(app.config.redisUrl as string, app.config.queuePrefix);
  const rows = await app.dataSource.query(
    'SELECT row_to_json(j)::text AS json FROM bullmq.job j',
  );
  return rows.map((r: { json: string }) => r.json).join('\n');
}

/** Every value under the prefix, whatever its Redis type. */
async function redisDump(url: string, prefix: string): Promise<string> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const keys = await client.keys(`${prefix}:*`);
    const values: string[] = [];
    for (const key of keys) {
      const type = await client.type(key);
      if (type === 'string') values.push((await client.get(key)) ?? '');
      if (type === 'hash')
        values.push(JSON.stringify(await client.hgetall(key)));
      if (type === 'list') values.push(...(await client.lrange(key, 0, -1)));
      if (type === 'set') values.push(...(await client.smembers(key)));
      if (type === 'zset') values.push(...(await client.zrange(key, 0, -1)));
      if (type === 'stream')
        values.push(JSON.stringify(await client.xrange(key, '-', '+')));
      values.push(key);
    }
    return values.join('\n');
  } finally {
    client.disconnect();
  }
}
