import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type FastifyInstance } from 'fastify';

/** Paths that belong to the server: the admin app's fallback never answers them. */
const SERVER_PREFIXES = ['/api', '/health'];

/** Angular's output hashing: `main-ABCD1234.js`, `styles-5XYZ…css`, fonts and media alike. */
const HASHED_FILE = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** True when `dir` holds a built admin app. */
export function hasAdminApp(dir: string | undefined): dir is string {
  return dir !== undefined && existsSync(join(dir, 'index.html'));
}

export function isServerPath(pathname: string): boolean {
  return SERVER_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

/**
 * Serves the built admin app at `/` on the API's port: its files as they are (hashed ones cached for a
 * year), and index.html for any other GET outside `/api` and `/health`, so deep links such as
 * `/models?type=embedding` load the app, which routes in the browser. API paths that match no route
 * keep their problem+json 404. Returns false (and serves nothing) when `dir` holds no build.
 */
export async function serveAdminApp(
  fastify: FastifyInstance,
  dir: string | undefined,
): Promise<boolean> {
  if (!hasAdminApp(dir)) return false;
  await fastify.register(fastifyStatic, {
    root: dir,
    serve: false,
    cacheControl: false,
  });
  fastify.get('/*', (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isServerPath(pathname)) return reply.callNotFound();
    const file = decodePath(pathname);
    if (file === null) return reply.callNotFound();
    if (posix.extname(file) !== '') {
      void reply.header(
        'cache-control',
        HASHED_FILE.test(file) ? IMMUTABLE : REVALIDATE,
      );
      return reply.sendFile(file);
    }
    void reply.header('cache-control', REVALIDATE);
    return reply.sendFile('index.html');
  });
  return true;
}

/** The path without its leading slashes; null when it is not valid percent-encoding or climbs up. */
function decodePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.split(/[\\/]/).includes('..')) return null;
  return decoded.replace(/^\/+/, '');
}
