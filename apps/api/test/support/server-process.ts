import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './eventually';

export const BUILT_MAIN = join(__dirname, '../../../../dist/apps/api/main.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string')
    throw new Error('no port');
  return address.port;
}

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
  stop: () => Promise<number | null>;
}

/** Starts the built API as `npm start` would, and waits for its banner. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(
    () => {
      if (child.exitCode !== null)
        throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
      return { banner: stdout.includes('LLM Registry is running'), stderr };
    },
    {
      description: "the server's banner",
      until: (seen) => seen.banner,
      timeoutMs,
      intervalMs: 100,
    },
  );
  return {
    child,
    output: () => stdout,
    errors: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** Runs the built API to completion (for start-up failures). */
export async function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
