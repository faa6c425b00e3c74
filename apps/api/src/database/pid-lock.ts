import { readFile, rm, writeFile } from 'node:fs/promises';

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes opening one PGlite directory would corrupt it: the first one holds a pid file, and a
 * second start fails with a clear message. A pid file left by a dead process is taken over.
 */
export async function acquirePidLock(
  path: string,
  what: string,
): Promise<() => Promise<void>> {
  try {
    await writeFile(path, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(path, 'utf8')).trim());
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new DataDirInUseError(
        `${what} is in use by another process (pid ${holder}); stop it or set DATA_DIR elsewhere.`,
      );
    }
    await writeFile(path, String(process.pid), { mode: 0o600 });
  }
  return () => rm(path, { force: true });
}
