import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { hasAdminApp, isServerPath, serveAdminApp } from './admin-app';

describe('serveAdminApp', () => {
  let dir: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'llmr-admin-'));
    await writeFile(join(dir, 'index.html'), '<app-root></app-root>');
    await writeFile(join(dir, 'main-ABCD2345.js'), 'console.log(1)');
    await mkdir(join(dir, 'media'));
    await writeFile(join(dir, 'favicon.ico'), 'icon');
    fastify = Fastify();
    fastify.get('/api/v1/models', () => ({ items: [] }));
    fastify.get('/health/live', () => ({ status: 'ok' }));
    fastify.setNotFoundHandler((_request, reply) =>
      reply.status(404).type('application/problem+json').send({ status: 404 }),
    );
    expect(await serveAdminApp(fastify, dir)).toBe(true);
    await fastify.ready();
  });

  afterAll(async () => {
    await fastify.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string) => fastify.inject({ method: 'GET', url });

  it('serves index.html at / and for deep links, revalidated on every load', async () => {
    for (const url of ['/', '/models', '/models/abc?type=embedding']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe('<app-root></app-root>');
    }
  });

  it('caches hashed files for a year and other files not at all', async () => {
    const hashed = await get('/main-ABCD2345.js');
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/favicon.ico')).headers['cache-control']).toBe(
      'no-cache',
    );
  });

  it('never shadows the API or health routes, and answers missing API paths with their 404', async () => {
    expect((await get('/api/v1/models')).json()).toEqual({ items: [] });
    expect((await get('/health/live')).json()).toEqual({ status: 'ok' });
    for (const url of ['/api', '/api/v1/nope', '/health/nope', '/api/docs2']) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('problem+json');
    }
  });

  it('answers 404 for a missing file and refuses to leave its directory', async () => {
    expect((await get('/missing-file.js')).statusCode).toBe(404);
    // `%2e%2e` segments are resolved by URL parsing before routing; encoded slashes are not.
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).body).toBe(
      '<app-root></app-root>',
    );
    expect((await get('/a/..%2f..%2fsecret.txt')).statusCode).toBe(404);
    expect((await get('/%E0%A4%A')).statusCode).toBe(400);
  });

  it('serves nothing without a build', async () => {
    expect(hasAdminApp(undefined)).toBe(false);
    expect(hasAdminApp(join(dir, 'media'))).toBe(false);
    expect(await serveAdminApp(Fastify(), join(dir, 'media'))).toBe(false);
  });

  it('tells server paths from app paths', () => {
    expect(isServerPath('/api')).toBe(true);
    expect(isServerPath('/api/docs')).toBe(true);
    expect(isServerPath('/health/ready')).toBe(true);
    expect(isServerPath('/apiary')).toBe(false);
    expect(isServerPath('/models')).toBe(false);
  });
});
