import { test as base, type BrowserContext, expect } from '@playwright/test';
import {
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { capture, type CaptureOptions } from './capture';
import { DOUBLE_CHAT, DOUBLE_EMBEDDING, DOUBLE_KEY, TestData } from './data';
import { ADMIN, startRegistry, type Registry } from './registry';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Every API body the browser received during a test, to look for secrets in. */
export interface ApiBodies {
  all(): Promise<string[]>;
}

interface WorkerFixtures {
  /** The built API and admin app on a fresh embedded database: one per worker. */
  registry: Registry;
  workerDouble: ProviderDouble;
  /** The bootstrap admin's session cookies, signed in once per worker through the API. */
  adminState: StorageState;
}

interface TestFixtures {
  /** An OpenAI-compatible provider; a test may change its behaviour, which is reset after it. */
  double: ProviderDouble;
  data: TestData;
  /** Screenshots of the page in both themes, each checked with axe. */
  capture: (name: string, options?: CaptureOptions) => Promise<void>;
  apiBodies: ApiBodies;
  /** Fails the test on an uncaught error in any of its pages. */
  noPageErrors: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  registry: [
    async ({}, use) => {
      const registry = await startRegistry();
      await use(registry);
      await registry.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  workerDouble: [
    async ({}, use) => {
      const double = await startProviderDouble('openai_compatible', {
        apiKey: DOUBLE_KEY,
        models: [
          { id: DOUBLE_EMBEDDING, kind: 'embedding', contextWindow: 8192 },
          { id: DOUBLE_CHAT, kind: 'chat', contextWindow: 32768 },
        ],
      });
      await use(double);
      await double.close();
    },
    { scope: 'worker' },
  ],
  adminState: [
    async ({ playwright, registry }, use) => {
      const request = await playwright.request.newContext({
        baseURL: registry.base,
      });
      const signedIn = await request.post('/api/v1/auth/login', {
        data: ADMIN,
      });
      if (!signedIn.ok())
        throw new Error(`signing the admin in: ${signedIn.status()}`);
      await use(await request.storageState());
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ registry }, use) => use(registry.base),
  storageState: async ({ adminState }, use) => use(adminState),
  double: async ({ workerDouble }, use) => {
    await use(workerDouble);
    workerDouble.behaviour = 'ok';
  },
  data: async ({ registry, double }, use) =>
    use(new TestData(registry, double)),
  capture: async ({ page }, use) =>
    use((name, options) => capture(page, name, options)),
  apiBodies: [
    async ({ context }, use) => {
      const reads: Array<Promise<string>> = [];
      context.on('response', (response) => {
        if (new URL(response.url()).pathname.startsWith('/api/'))
          reads.push(response.text().catch(() => ''));
      });
      const bodies = { all: () => Promise.all(reads) };
      await use(bodies);
      for (const body of await bodies.all())
        expect(body, 'an API answer carried the provider key').not.toContain(
          DOUBLE_KEY,
        );
    },
    { auto: true },
  ],
  noPageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('weberror', (webError) =>
        errors.push(webError.error().message),
      );
      await use();
      expect(errors, 'uncaught errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
