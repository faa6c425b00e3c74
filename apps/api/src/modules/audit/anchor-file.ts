import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The chain's head as last seen: its place and its MAC. */
export interface Anchor {
  seq: string;
  mac: string;
}

/** The anchor in the file; null when there is none yet. */
export async function readAnchorFile(file: string): Promise<Anchor | null> {
  try {
    const { seq, mac } = JSON.parse(await readFile(file, 'utf8')) as Anchor;
    if (!/^[0-9]+$/.test(seq) || typeof mac !== 'string')
      throw new Error(`${file} is not an audit anchor.`);
    return { seq, mac };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes the anchor unless the file already holds a later one (several processes may share it):
 * it only ever advances. Written to a temporary file and renamed, so a crash never leaves half of it.
 */
export async function advanceAnchorFile(
  file: string,
  anchor: Anchor,
): Promise<void> {
  const stored = await readAnchorFile(file);
  if (stored && !isAfter(anchor, stored)) return;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(anchor), { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export function isAfter(anchor: Anchor, other: Anchor | null): boolean {
  return !other || BigInt(anchor.seq) > BigInt(other.seq);
}
