import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  runServerToExit,
  startServer,
} from './support/server-process';

/** The built server, started as `npm start` starts it: embedded PGlite under DATA_DIR. */
describe('embedded mode start', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'llmr-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops at boot with one line naming a bad variable', async () => {
    const result = await runServerToExit({ PORT: 'abc', DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid environment: PORT must be an integer between 1 and 65535 (got "abc")',
    );
  });

  it('prints the bootstrap admin once, serves the seeded registry and the docs, refuses a second process on the same data, and keeps data across restarts', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = await startServer(env);
    expect(first.output()).toContain('embedded (single process, PGlite)');
    expect(first.output()).toContain(`${base}/api/docs`);
    expect(first.output()).toContain(dataDir);
    const password = /Password {2}(\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toContain('Sign in   admin@llm-registry.local');
    const keyringFile = join(dataDir, 'master-keys.json');
    expect(first.output()).toContain(`master key generated in ${keyringFile}`);
    expect((await stat(keyringFile)).mode & 0o777).toBe(0o600);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@llm-registry.local', password }),
    });
    expect(login.status).toBe(200);
    const { accessToken, passwordChangeRequired } = (await login.json()) as {
      accessToken: string;
      passwordChangeRequired: boolean;
    };
    const auth = { authorization: `Bearer ${accessToken}` };

    // The generated password opens nothing but its own change.
    expect(passwordChangeRequired).toBe(true);
    const beforeChange = await fetch(`${base}/api/v1/models/generation`, {
      headers: auth,
    });
    expect(beforeChange.status).toBe(403);
    expect(((await beforeChange.json()) as { code: string }).code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    const changed = await fetch(`${base}/api/v1/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        currentPassword: password,
        newPassword: 'a-passphrase-of-my-own-42',
      }),
    });
    expect(changed.status).toBe(204);

    expect((await fetch(`${base}/api/v1/models/generation`)).status).toBe(401);
    const generation = (await (
      await fetch(`${base}/api/v1/models/generation`, { headers: auth })
    ).json()) as {
      items: Array<{ name: string }>;
    };
    expect(generation.items.map((m) => m.name)).toContain('Ollama Llama2');
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');

    const created = await fetch(`${base}/api/v1/admin/models`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        name: 'Survives restarts',
        type: 'embedding',
        provider: 'ollama',
        modelName: 'all-minilm',
        params: { dimensions: 384 },
      }),
    });
    expect(created.status).toBe(201);

    const second = await runServerToExit({
      ...env,
      PORT: String(await freePort()),
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('in use by another process');

    expect(await first.stop()).toBe(0);
    // The password went to the banner only, never to a log line.
    expect(first.output().split(password as string).length - 1).toBe(1);
    expect(first.errors()).not.toContain(password as string);

    const restarted = await startServer(env);
    try {
      expect(restarted.output()).not.toContain('Password');
      const listed = (await (
        await fetch(`${base}/api/v1/admin/models?q=Survives`, { headers: auth })
      ).json()) as {
        total: number;
      };
      expect(listed.total).toBe(1);
      const all = (await (
        await fetch(`${base}/api/v1/admin/models?pageSize=100`, {
          headers: auth,
        })
      ).json()) as {
        total: number;
      };
      expect(all.total).toBe(14);
      expect(restarted.output()).not.toContain('master key generated');
    } finally {
      expect(await restarted.stop()).toBe(0);
    }

    const wrongKey = await runServerToExit({
      ...env,
      REGISTRY_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('Wrong master key for this database');
    expect(wrongKey.stderr).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
