import { randomUUID } from 'node:crypto';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

type Who =
  | 'anonymous'
  | 'viewer'
  | 'consumer'
  | 'consumer-other-scope'
  | 'admin';
type Outcome = 'allowed' | 401 | 403;

const WHO: Who[] = [
  'anonymous',
  'viewer',
  'consumer',
  'consumer-other-scope',
  'admin',
];
const CONSUMER_SCOPE = 'team-a';
/** Public reads that take `?scope=`; a key of another scope must be refused there. */
const SCOPED_READS = new Set([
  '/api/v1/models/:type',
  '/api/v1/models/:type/default',
]);
const USER_ONLY = new Set(['/api/v1/auth/logout', '/api/v1/auth/password']);

/**
 * What each principal should get, from the documented rules, written independently of the guard:
 * a route that matches no rule fails the suite, so new routes must be classified here.
 */
function expectedOutcome(method: string, url: string, who: Who): Outcome {
  if (
    url.startsWith('/health/') ||
    url.startsWith('/api/docs') ||
    url === '/api/v1/auth/login'
  )
    return 'allowed';
  if (who === 'anonymous') return 401;
  const consumer = who === 'consumer' || who === 'consumer-other-scope';
  if (url.startsWith('/api/v1/admin/')) {
    if (consumer) return 403;
    return method === 'GET' || who === 'admin' ? 'allowed' : 403;
  }
  if (USER_ONLY.has(url)) return consumer ? 403 : 'allowed';
  if (url.startsWith('/api/v1/')) {
    return who === 'consumer-other-scope' && SCOPED_READS.has(url)
      ? 403
      : 'allowed';
  }
  throw new Error(
    `Route ${method} ${url} is not classified: add it to the access matrix rules.`,
  );
}

function concreteUrl(url: string): string {
  const path = url
    .replace(':id', randomUUID())
    .replace(':type', 'generation')
    .replace('*', 'index.html');
  return SCOPED_READS.has(url) ? `${path}?scope=${CONSUMER_SCOPE}` : path;
}

describe.each(testBackends())(
  'route × principal access matrix on %s',
  (backend) => {
    let t: TestApp;
    const tokens: Record<Who, string | null> = {
      anonymous: null,
      viewer: null,
      consumer: null,
      'consumer-other-scope': null,
      admin: null,
    };
    const passwords: Partial<Record<Who, { email: string; password: string }>> =
      {};

    beforeAll(async () => {
      t = await startTestApp(backend);
      tokens.consumer = await t.apiKey(CONSUMER_SCOPE);
      tokens['consumer-other-scope'] = await t.apiKey('team-b');
      for (const role of ['viewer', 'admin'] as const) {
        const email = `matrix-${role}@test.local`;
        const password = 'matrix-password-for-tests';
        await t.request({
          method: 'POST',
          url: '/api/v1/admin/users',
          body: { email, password, role, displayName: role },
        });
        passwords[role] = { email, password };
        tokens[role] = await t.login(email, password);
      }
    });

    /** Logout and password routes end or change a session: they get a fresh one. */
    async function tokenFor(who: Who, url: string): Promise<string | null> {
      const user = passwords[who];
      return user && USER_ONLY.has(url)
        ? t.login(user.email, user.password)
        : tokens[who];
    }

    afterAll(async () => {
      await t?.close();
    });

    it('collects the routes from the application router', () => {
      expect(t.routes.length).toBeGreaterThan(20);
      expect(t.routes).toContainEqual({
        method: 'PATCH',
        url: '/api/v1/admin/models/:id/default',
      });
    });

    it('gives every principal exactly the access the rules say, on every route', async () => {
      const mismatches: string[] = [];
      for (const route of t.routes) {
        for (const who of WHO) {
          const expected = expectedOutcome(route.method, route.url, who);
          const token = await tokenFor(who, route.url);
          const response = await t.request({
            method: route.method as 'GET',
            url: concreteUrl(route.url),
            token,
            body:
              route.method === 'GET' || route.method === 'DELETE'
                ? undefined
                : {},
          });
          const actual: Outcome =
            response.status === 401 || response.status === 403
              ? response.status
              : 'allowed';
          if (actual !== expected) {
            mismatches.push(
              `${route.method} ${route.url} as ${who}: expected ${expected}, got ${response.status}`,
            );
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  },
);
