import { Writable } from 'node:stream';
import pino from 'pino';
import { testBackends } from './support/backends';
import {
  startTestApp,
  TEST_ADMIN,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

const LOGIN = '/api/v1/auth/login';
/** The address light-my-request connects from unless told otherwise. */
const TRUSTED_PROXY = '127.0.0.1';

describe.each(testBackends())('authentication on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { trustProxy: [TRUSTED_PROXY] });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function newUser(role: 'admin' | 'viewer', password = TEST_PASSWORD) {
    const email = `u-${Math.random().toString(36).slice(2, 10)}@test.local`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      body: { email, password, role, displayName: 'User' },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, password };
  }

  describe('sign-in', () => {
    it('answers an access token and sets an HttpOnly, SameSite=Strict session cookie with a CSRF cookie', async () => {
      const response = await t.request({
        method: 'POST',
        url: LOGIN,
        body: TEST_ADMIN,
        token: null,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        accessToken: expect.stringMatching(/^llmrs_/),
        expiresAt: expect.any(String),
        csrfToken: expect.any(String),
        user: { email: TEST_ADMIN.email, role: 'admin' },
        // ADMIN_PASSWORD was chosen by the operator: nothing to change.
        passwordChangeRequired: false,
      });
      expect(response.body.user).not.toHaveProperty('passwordHash');
      const cookies = [response.headers['set-cookie']].flat().join('\n');
      expect(cookies).toMatch(/llmr_session=llmrs_[^;]+;.*HttpOnly/);
      expect(cookies).toMatch(/llmr_session=.*SameSite=Strict/);
      expect(cookies).toMatch(/llmr_csrf=/);
    });

    it('answers the same generic 401 for a wrong password, an unknown email and a disabled account', async () => {
      const disabled = await newUser('viewer');
      const user = await t.request({
        method: 'GET',
        url: `/api/v1/admin/users/${disabled.id}`,
      });
      await t.request({
        method: 'PATCH',
        url: `/api/v1/admin/users/${disabled.id}`,
        body: { disabled: true, version: user.body.version },
      });
      const attempts = [
        { email: TEST_ADMIN.email, password: 'not-the-password-at-all' },
        { email: 'nobody@test.local', password: 'not-the-password-at-all' },
        { email: disabled.email, password: disabled.password },
      ];
      const details = new Set<string>();
      for (const body of attempts) {
        const response = await t.request({
          method: 'POST',
          url: LOGIN,
          body,
          token: null,
        });
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('INVALID_CREDENTIALS');
        details.add(response.body.detail);
      }
      expect([...details]).toEqual(['Email or password is incorrect.']);
    });

    it('backs off one address after five failures while the right password still signs in from another', async () => {
      const victim = await newUser('viewer');
      const attacker = '127.0.0.2';
      const fail = (email: string) =>
        t.request({
          method: 'POST',
          url: LOGIN,
          body: { email, password: 'wrong-password-again' },
          token: null,
          remoteAddress: attacker,
        });
      for (let i = 0; i < 5; i++)
        expect((await fail(victim.email)).status).toBe(401);
      const blocked = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: victim.email, password: victim.password },
        token: null,
        remoteAddress: attacker,
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(blocked.headers['retry-after'])).toBe(1);
      const fresh = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: victim.email, password: victim.password },
        token: null,
        remoteAddress: '127.0.0.3',
      });
      expect(fresh.status).toBe(200);
      // The wait doubles with each further failure. A fixed sleep, not synchronisation: the throttle
      // counts wall-clock time, so its 1 s wait has to pass for real before the next attempt.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await fail(victim.email)).status).toBe(401);
      expect(Number((await fail(victim.email)).headers['retry-after'])).toBe(2);
      // An email nobody has gets the same answers.
      for (let i = 0; i < 5; i++)
        expect((await fail('ghost@test.local')).status).toBe(401);
      const ghost = await fail('ghost@test.local');
      expect(ghost.status).toBe(429);
      const comparable = (response: typeof ghost) => ({
        ...response.body,
        correlationId: undefined,
      });
      expect(comparable(ghost)).toEqual(comparable(blocked));
      await t.dataSource.query('DELETE FROM login_throttle');
    });

    it('locks an account for everyone once failures from all addresses reach 100 in 15 minutes', async () => {
      const victim = await newUser('viewer');
      // 98 failures from elsewhere, without spending 98 password hashes of CPU on them.
      await t.dataSource.query(
        `INSERT INTO login_throttle (key, window_started_at, failures) VALUES ($1, now(), 98)`,
        [`account:${victim.email}`],
      );
      const attempt = (password: string, remoteAddress: string) =>
        t.request({
          method: 'POST',
          url: LOGIN,
          body: { email: victim.email, password },
          token: null,
          remoteAddress,
        });
      expect((await attempt('wrong-password-99', '127.0.0.4')).status).toBe(
        401,
      );
      expect((await attempt(victim.password, '127.0.0.5')).status).toBe(200);
      expect((await attempt('wrong-password-100', '127.0.0.6')).status).toBe(
        401,
      );
      const locked = await attempt(victim.password, '127.0.0.7');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      await t.dataSource.query('DELETE FROM login_throttle');
    });

    it('counts failures that arrive at once, each of them', async () => {
      const victim = await newUser('viewer');
      const attempt = (password: string) =>
        t.request({
          method: 'POST',
          url: LOGIN,
          body: { email: victim.email, password },
          token: null,
          remoteAddress: '127.0.0.10',
        });
      const failures = await Promise.all(
        Array.from({ length: 5 }, (_, i) => attempt(`wrong-password-${i}`)),
      );
      expect(failures.map((response) => response.status)).toEqual(
        Array(5).fill(401),
      );
      // Replicas and pool connections race on the same rows: none of the five may be lost.
      const counts: { failures: number }[] = await t.dataSource.query(
        `SELECT failures FROM login_throttle WHERE key LIKE $1`,
        [`%${victim.email}`],
      );
      expect(counts.map((row) => row.failures)).toEqual([5, 5]);
      await t.dataSource.query('DELETE FROM login_throttle');
    });

    it('keeps a password typed into the email field out of the throttle table', async () => {
      const typed = 'correct horse battery staple';
      const response = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: typed, password: 'whatever-was-next' },
        token: null,
        remoteAddress: '127.0.0.8',
      });
      expect(response.status).toBe(401);
      const keys: { key: string }[] = await t.dataSource.query(
        `SELECT key FROM login_throttle WHERE key LIKE '%127.0.0.8%' OR key LIKE 'account:%'`,
      );
      expect(keys.length).toBeGreaterThan(0);
      expect(JSON.stringify(keys)).not.toContain('horse');
      await t.dataSource.query('DELETE FROM login_throttle');
    });

    it('throttles an address that tries many accounts', async () => {
      await t.dataSource.query('DELETE FROM login_throttle');
      for (let i = 0; i < 20; i++) {
        await t.request({
          method: 'POST',
          url: LOGIN,
          body: {
            email: `spray-${i}@test.local`,
            password: 'guess-guess-guess',
          },
          token: null,
        });
      }
      const blocked = await t.request({
        method: 'POST',
        url: LOGIN,
        body: TEST_ADMIN,
        token: null,
      });
      expect(blocked.status).toBe(429);
      await t.dataSource.query('DELETE FROM login_throttle');
    });

    it('refuses a malformed login body naming the field', async () => {
      const response = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: 42 },
        token: null,
      });
      expect(response.status).toBe(400);
      expect(
        response.body.errors.map((e: { field: string }) => e.field),
      ).toEqual(expect.arrayContaining(['email', 'password']));
    });
  });

  describe('sessions', () => {
    it('accepts the session cookie for reads, and for writes only with the CSRF token', async () => {
      const login = await t.request({
        method: 'POST',
        url: LOGIN,
        body: TEST_ADMIN,
        token: null,
      });
      const cookie = `llmr_session=${login.body.accessToken}`;
      const read = await t.request({
        method: 'GET',
        url: '/api/v1/auth/me',
        token: null,
        headers: { cookie },
      });
      expect(read.status).toBe(200);
      const body = { name: 'csrf key' };
      const withoutCsrf = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        token: null,
        headers: { cookie },
        body,
      });
      expect(withoutCsrf.status).toBe(403);
      expect(withoutCsrf.body.code).toBe('CSRF_FAILED');
      const wrongCsrf = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        token: null,
        headers: { cookie, 'x-csrf-token': 'guess' },
        body,
      });
      expect(wrongCsrf.status).toBe(403);
      const withCsrf = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        token: null,
        headers: { cookie, 'x-csrf-token': login.body.csrfToken },
        body,
      });
      expect(withCsrf.status).toBe(201);
    });

    it('ends the session on logout', async () => {
      const token = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
      expect(
        (await t.request({ method: 'POST', url: '/api/v1/auth/logout', token }))
          .status,
      ).toBe(204);
      const after = await t.request({
        method: 'GET',
        url: '/api/v1/auth/me',
        token,
      });
      expect(after.status).toBe(401);
      expect(after.headers['www-authenticate']).toBe('Bearer');
    });

    it('says who is calling', async () => {
      const me = await t.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.body).toMatchObject({
        kind: 'user',
        email: TEST_ADMIN.email,
        role: 'admin',
        scope: null,
      });
      const key = await t.apiKey('team-z');
      const keyMe = await t.request({
        method: 'GET',
        url: '/api/v1/auth/me',
        token: key,
      });
      expect(keyMe.body).toMatchObject({
        kind: 'api_key',
        role: 'consumer',
        scope: 'team-z',
        email: null,
      });
    });

    it('changes the own password: the old one stops working, other sessions end, this one stays', async () => {
      const user = await newUser('viewer');
      const current = await t.login(user.email, user.password);
      const other = await t.login(user.email, user.password);
      const weak = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        token: current,
        body: { currentPassword: user.password, newPassword: 'short' },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('newPassword');
      const wrongCurrent = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        token: current,
        body: {
          currentPassword: 'not-my-password!',
          newPassword: 'a-brand-new-passphrase',
        },
      });
      expect(wrongCurrent.status).toBe(401);
      const changed = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        token: current,
        body: {
          currentPassword: user.password,
          newPassword: 'a-brand-new-passphrase',
        },
      });
      expect(changed.status).toBe(204);
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/auth/me',
            token: current,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/auth/me',
            token: other,
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await t.request({
            method: 'POST',
            url: LOGIN,
            body: { email: user.email, password: user.password },
            token: null,
          })
        ).status,
      ).toBe(401);
      await t.login(user.email, 'a-brand-new-passphrase');
    });
  });

  describe('API keys', () => {
    it('shows the key once, lists only its prefix, and records its last use', async () => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        body: { name: 'search service', scope: 'team-a' },
      });
      expect(created.status).toBe(201);
      const { key, prefix, id } = created.body;
      expect(key).toMatch(/^llmr_[A-Za-z0-9_-]{40,}$/);
      expect(key.startsWith(prefix)).toBe(true);
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation',
            token: key,
          })
        ).status,
      ).toBe(200);
      const list = await t.request({
        method: 'GET',
        url: '/api/v1/admin/api-keys?pageSize=200',
      });
      const listed = list.body.items.find((k: { id: string }) => k.id === id);
      expect(listed).toMatchObject({
        prefix,
        scope: 'team-a',
        status: 'active',
        lastUsedAt: expect.any(String),
      });
      expect(list.text).not.toContain(key);
    });

    it('refuses a revoked key and an expired key', async () => {
      const revokedKey = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        body: { name: 'to revoke' },
      });
      expect(
        (
          await t.request({
            method: 'DELETE',
            url: `/api/v1/admin/api-keys/${revokedKey.body.id}`,
          })
        ).status,
      ).toBe(204);
      const revoked = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation',
        token: revokedKey.body.key,
      });
      expect(revoked.status).toBe(401);
      expect(revoked.body.detail).toContain('revoked');

      const soon = new Date(Date.now() + 60_000).toISOString();
      const expiring = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        body: { name: 'to expire', expiresAt: soon },
      });
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation',
            token: expiring.body.key,
          })
        ).status,
      ).toBe(200);
      await t.dataSource.query(
        `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [expiring.body.id],
      );
      const expired = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation',
        token: expiring.body.key,
      });
      expect(expired.status).toBe(401);
      expect(expired.body.detail).toContain('expired');
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/admin/api-keys?pageSize=200',
          })
        ).body.items,
      ).toContainEqual(
        expect.objectContaining({ id: expiring.body.id, status: 'expired' }),
      );
    });

    it('refuses an expiry in the past and an unknown key', async () => {
      const past = await t.request({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        body: { name: 'x', expiresAt: '2020-01-01T00:00:00Z' },
      });
      expect(past.status).toBe(400);
      expect(past.body.errors[0].field).toBe('expiresAt');
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/auth/me',
            token: 'llmr_made-up-key',
          })
        ).status,
      ).toBe(401);
    });

    it('limits a scoped key to its scope plus global', async () => {
      await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: {
          name: 'Global gen',
          type: 'generation',
          provider: 'openai',
          modelName: 'g',
        },
      });
      await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: {
          name: 'A gen',
          type: 'generation',
          provider: 'openai',
          modelName: 'a',
          scope: 'team-a',
        },
      });
      await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: {
          name: 'B gen',
          type: 'generation',
          provider: 'openai',
          modelName: 'b',
          scope: 'team-b',
        },
      });
      const key = await t.apiKey('team-a');
      const own = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation',
        token: key,
      });
      expect(own.body.items.map((m: { name: string }) => m.name)).toEqual([
        'A gen',
        'Global gen',
      ]);
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation?scope=global',
            token: key,
          })
        ).body.items.map((m: { name: string }) => m.name),
      ).toEqual(['Global gen']);
      const other = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation?scope=team-b',
        token: key,
      });
      expect(other.status).toBe(403);
      expect(other.body.detail).toContain('team-a');
    });
  });

  describe('users', () => {
    it('refuses a duplicate email (any case) and a weak password, naming the field', async () => {
      const user = await newUser('viewer');
      const dup = await t.request({
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email: user.email.toUpperCase(),
          password: TEST_PASSWORD,
          role: 'viewer',
          displayName: 'x',
        },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.errors[0].field).toBe('email');
      const weak = await t.request({
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email: 'weak@test.local',
          password: 'password1234',
          role: 'viewer',
          displayName: 'x',
        },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([
        { field: 'password', message: 'is too common' },
      ]);
    });

    it('signs a disabled user out everywhere', async () => {
      const user = await newUser('viewer');
      const token = await t.login(user.email, user.password);
      const { body } = await t.request({
        method: 'GET',
        url: `/api/v1/admin/users/${user.id}`,
      });
      await t.request({
        method: 'PATCH',
        url: `/api/v1/admin/users/${user.id}`,
        body: { disabled: true, version: body.version },
      });
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/auth/me', token }))
          .status,
      ).toBe(401);
    });

    it('never leaves the registry without an enabled admin', async () => {
      const admins = await t.request({
        method: 'GET',
        url: '/api/v1/admin/users?role=admin&pageSize=200',
      });
      const others = admins.body.items.filter(
        (u: { email: string; disabled: boolean }) =>
          u.email !== TEST_ADMIN.email && !u.disabled,
      );
      for (const other of others) {
        await t.request({
          method: 'PATCH',
          url: `/api/v1/admin/users/${other.id}`,
          body: { role: 'viewer', version: other.version },
        });
      }
      const me = admins.body.items.find(
        (u: { email: string }) => u.email === TEST_ADMIN.email,
      );
      const current = (
        await t.request({ method: 'GET', url: `/api/v1/admin/users/${me.id}` })
      ).body;
      const demote = await t.request({
        method: 'PATCH',
        url: `/api/v1/admin/users/${me.id}`,
        body: { role: 'viewer', version: current.version },
      });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('LAST_ADMIN');
      expect(
        (
          await t.request({
            method: 'DELETE',
            url: `/api/v1/admin/users/${me.id}`,
          })
        ).status,
      ).toBe(409);
    });

    it('lets an admin reset a password, which ends that user’s sessions', async () => {
      const user = await newUser('viewer');
      const token = await t.login(user.email, user.password);
      expect(
        (
          await t.request({
            method: 'POST',
            url: `/api/v1/admin/users/${user.id}/password`,
            body: { password: 'reset-by-the-admin-42' },
          })
        ).status,
      ).toBe(204);
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/auth/me', token }))
          .status,
      ).toBe(401);
      await t.login(user.email, 'reset-by-the-admin-42');
    });
  });

  describe('hardening', () => {
    it('sends secure headers and no CORS grant by default', async () => {
      const response = await t.request({
        method: 'GET',
        url: '/health/live',
        headers: { origin: 'https://evil.example' },
      });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain(
        "default-src 'self'",
      );
      expect(response.headers['content-security-policy']).not.toContain(
        'upgrade-insecure-requests',
      );
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('sends HSTS and Secure cookies only over HTTPS, as a trusted proxy reports it', async () => {
      const signIn = (remoteAddress: string, headers: Record<string, string>) =>
        t.request({
          method: 'POST',
          url: LOGIN,
          body: TEST_ADMIN,
          token: null,
          remoteAddress,
          headers,
        });
      const https = { 'x-forwarded-proto': 'https' };
      const viaProxy = await signIn(TRUSTED_PROXY, https);
      expect(viaProxy.headers['strict-transport-security']).toMatch(
        /max-age=\d+/,
      );
      const cookies = [viaProxy.headers['set-cookie']].flat();
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
      for (const [remoteAddress, headers] of [
        [TRUSTED_PROXY, {}],
        ['127.0.0.9', https],
      ] as const) {
        const plain = await signIn(remoteAddress, headers);
        expect(plain.status).toBe(200);
        expect(plain.headers['strict-transport-security']).toBeUndefined();
        expect([plain.headers['set-cookie']].flat().join('\n')).not.toMatch(
          /Secure/,
        );
      }
      const page = await t.request({
        method: 'GET',
        url: '/health/live',
        remoteAddress: '127.0.0.9',
        headers: https,
      });
      expect(page.headers['strict-transport-security']).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain(
        "font-src 'self'",
      );
    });

    it('documents both security schemes and each route’s required role', async () => {
      const doc = (
        await t.request({ method: 'GET', url: '/api/docs-json', token: null })
      ).body;
      expect(Object.keys(doc.components.securitySchemes)).toEqual(
        expect.arrayContaining(['bearer', 'session']),
      );
      expect(doc.paths['/api/v1/admin/models'].post['x-required-role']).toBe(
        'role admin',
      );
      expect(doc.paths['/api/v1/admin/models'].get['x-required-role']).toBe(
        'role admin or viewer',
      );
      expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
      expect(doc.paths['/api/v1/models/{type}'].get.security).toEqual([
        { bearer: [] },
        { session: [] },
      ]);
    });
  });
});

describe.each(testBackends())(
  'a generated or admin-set password on %s',
  (backend) => {
    let t: TestApp;

    beforeAll(async () => {
      // No ADMIN_PASSWORD: the first admin gets a generated one (the test app signs in with it).
      t = await startTestApp(backend, { adminPassword: undefined });
    });

    afterAll(async () => {
      await t?.close();
    });

    const required = (response: { status: number; body: { code?: string } }) =>
      response.status === 403 &&
      response.body.code === 'PASSWORD_CHANGE_REQUIRED';

    it('must be changed before anything but the change, sign-out and who-am-I', async () => {
      const signIn = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: TEST_ADMIN.email, password: t.adminPassword },
        token: null,
      });
      expect(signIn.body.passwordChangeRequired).toBe(true);
      const cookie = [signIn.headers['set-cookie']]
        .flat()
        .map((c) => String(c).split(';')[0])
        .join('; ');
      for (const request of [
        { method: 'GET', url: '/api/v1/admin/models' },
        { method: 'GET', url: '/api/v1/models/generation' },
        { method: 'POST', url: '/api/v1/admin/api-keys', body: { name: 'k' } },
      ] as const) {
        const refused = await t.request(request);
        expect(required(refused)).toBe(true);
        expect(refused.headers['content-type']).toContain('problem+json');
      }
      const viaCookie = await t.request({
        method: 'GET',
        url: '/api/v1/admin/models',
        token: null,
        headers: { cookie },
      });
      expect(required(viaCookie)).toBe(true);
      const me = await t.request({ method: 'GET', url: '/api/v1/auth/me' });
      expect(me.status).toBe(200);
      expect(me.body.passwordChangeRequired).toBe(true);
      const same = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        body: {
          currentPassword: t.adminPassword,
          newPassword: t.adminPassword,
        },
      });
      expect(same.status).toBe(400);
      expect(same.body.errors[0].field).toBe('newPassword');
      expect(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/auth/logout',
            token: signIn.body.accessToken,
          })
        ).status,
      ).toBe(204);

      const changed = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        body: { currentPassword: t.adminPassword, newPassword: TEST_PASSWORD },
      });
      expect(changed.status).toBe(204);
      const models = await t.request({
        method: 'GET',
        url: '/api/v1/admin/models',
      });
      expect(models.status).toBe(200);
      const again = await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: TEST_ADMIN.email, password: TEST_PASSWORD },
        token: null,
      });
      expect(again.body.passwordChangeRequired).toBe(false);
    });

    it('is required again after an admin resets someone’s password', async () => {
      const email = `reset-${Math.random().toString(36).slice(2, 10)}@test.local`;
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email,
          password: TEST_PASSWORD,
          role: 'viewer',
          displayName: 'V',
        },
      });
      expect(created.status).toBe(201);
      const own = await t.login(email, TEST_PASSWORD);
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/admin/models',
            token: own,
          })
        ).status,
      ).toBe(200);
      await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${created.body.id}/password`,
        body: { password: 'set-by-the-admin-1234' },
      });
      const token = await t.login(email, 'set-by-the-admin-1234');
      expect(
        required(
          await t.request({
            method: 'GET',
            url: '/api/v1/admin/models',
            token,
          }),
        ),
      ).toBe(true);
    });
  },
);

describe('CORS when configured', () => {
  it('grants only the configured origins', async () => {
    const t = await startTestApp('pglite', {
      corsOrigins: ['https://admin.example'],
    });
    try {
      const allowed = await t.request({
        method: 'GET',
        url: '/health/live',
        headers: { origin: 'https://admin.example' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe(
        'https://admin.example',
      );
      const other = await t.request({
        method: 'GET',
        url: '/health/live',
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('secrets never leave', () => {
  it('keeps passwords and API keys out of every response after creation, every log line and every database row', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await startTestApp(
      'pglite',
      { logLevel: 'trace' },
      { logger: pino({ level: 'trace' }, sink) },
    );
    try {
      const password = 'canary-password-7f3a9c';
      const responses: string[] = [];
      const record = async (options: Parameters<TestApp['request']>[0]) => {
        const response = await t.request(options);
        responses.push(response.text, JSON.stringify(response.headers));
        return response;
      };
      const user = await record({
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email: 'canary@test.local',
          password,
          role: 'viewer',
          displayName: 'Canary',
        },
      });
      const key = (
        await t.request({
          method: 'POST',
          url: '/api/v1/admin/api-keys',
          body: { name: 'canary' },
        })
      ).body.key as string;
      const userToken = (
        await record({
          method: 'POST',
          url: LOGIN,
          body: { email: 'canary@test.local', password },
          token: null,
        })
      ).body.accessToken;
      await record({
        method: 'POST',
        url: LOGIN,
        body: { email: 'canary@test.local', password: `${password}-wrong` },
        token: null,
      });
      await record({ method: 'GET', url: '/api/v1/auth/me', token: key });
      await record({ method: 'GET', url: '/api/v1/admin/api-keys' });
      await record({ method: 'GET', url: '/api/v1/admin/users' });
      await record({
        method: 'GET',
        url: `/api/v1/admin/users/${user.body.id}`,
      });
      await record({
        method: 'POST',
        url: '/api/v1/auth/password',
        token: userToken,
        body: { currentPassword: password, newPassword: `${password}-next` },
      });
      await record({
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email: 'canary@test.local',
          password,
          role: 'viewer',
          displayName: 'Again',
        },
      });
      await record({
        method: 'GET',
        url: '/api/v1/models/generation',
        token: `${key}x`,
      });

      const everything = {
        responses: responses.join('\n'),
        logs: lines.join(''),
        rows: await dumpDatabase(t),
      };
      for (const [where, text] of Object.entries(everything)) {
        expect({ where, hasPassword: text.includes(password) }).toEqual({
          where,
          hasPassword: false,
        });
        expect({ where, hasKey: text.includes(key) }).toEqual({
          where,
          hasKey: false,
        });
      }
      expect(lines.length).toBeGreaterThan(10);
    } finally {
      await t.close();
    }
  });
});

async function dumpDatabase(t: TestApp): Promise<string> {
  const tables: Array<{ tablename: string }> = await t.dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const dumps = await Promise.all(
    tables.map(({ tablename }) =>
      t.dataSource.query(`SELECT * FROM "${tablename}"`),
    ),
  );
  return JSON.stringify(dumps);
}
