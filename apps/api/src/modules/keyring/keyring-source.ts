import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig } from '../../config/app-config';
import { generateMasterKey, type Keyring, keyring, masterKey } from './keyring';

export const KEYRING_FILE = 'master-keys.json';

/** The injection token of the process's one KeyringSource (see KeyringModule). */
export const KEYRING_SOURCE = Symbol('KEYRING_SOURCE');

/** Where the master keys come from; a file-managed keyring can generate new keys for rotation. */
export interface KeyringSource {
  /** Replaced when a file-managed keyring gets a new primary key. */
  keys: Keyring;
  /** Set when the keys live in DATA_DIR (embedded mode without REGISTRY_MASTER_KEY). */
  file?: string;
  /** True when this start created the file. */
  generated: boolean;
}

interface KeyringFile {
  primary: string;
  keys: string[];
}

export class MasterKeyMissingError extends Error {}

export async function loadKeyring(
  config: Pick<
    AppConfig,
    'masterKey' | 'previousMasterKeys' | 'databaseMode' | 'dataDir'
  >,
): Promise<KeyringSource> {
  if (config.masterKey) {
    return {
      keys: keyring(
        masterKey(config.masterKey),
        config.previousMasterKeys.map(masterKey),
      ),
      generated: false,
    };
  }
  if (config.databaseMode === 'postgres') {
    throw new MasterKeyMissingError(
      'REGISTRY_MASTER_KEY is required with DATABASE_URL: 32 random bytes in base64 (openssl rand -base64 32), the same on every replica.',
    );
  }
  const file = join(config.dataDir, KEYRING_FILE);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as KeyringFile;
    return { keys: fromFile(stored), file, generated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = generateMasterKey();
  await writeKeyringFile(file, { primary: key, keys: [key] });
  return {
    keys: fromFile({ primary: key, keys: [key] }),
    file,
    generated: true,
  };
}

function fromFile(stored: KeyringFile): Keyring {
  return keyring(masterKey(stored.primary), stored.keys.map(masterKey));
}

/** Written to a temporary file and renamed, so a crash never leaves half a keyring; readable by us only. */
export async function writeKeyringFile(
  file: string,
  content: KeyringFile,
): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(content, null, 2), { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
