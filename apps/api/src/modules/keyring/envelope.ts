import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type Keyring } from './keyring';

/**
 * Envelope encryption: each secret has its own data key (AES-256-GCM); the data key is wrapped by a
 * master key (AES-256-GCM too). Rotation re-wraps data keys only; ciphertexts never change.
 */
export interface Sealed {
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
}

export class KeyUnavailableError extends Error {}

const VERSION = 'v1';

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join('.');
}

function decrypt(key: Buffer, encoded: string, aad: string): Buffer {
  const [version, iv, tag, body] = encoded.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new Error('Unknown ciphertext format.');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    key,
    Buffer.from(iv, 'base64'),
  );
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64')),
    decipher.final(),
  ]);
}

/** `context` (the secret's id) is bound to the ciphertext, so ciphertexts cannot be swapped between rows. */
export function seal(
  plaintext: string,
  context: string,
  keys: Keyring,
): Sealed {
  const dataKey = randomBytes(32);
  try {
    return {
      ...wrapUnderPrimary(dataKey, context, keys),
      ciphertext: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context),
    };
  } finally {
    dataKey.fill(0);
  }
}

/** The data key wrapped by the primary master key, bound to the context and that key's id. */
function wrapUnderPrimary(
  dataKey: Buffer,
  context: string,
  keys: Keyring,
): Pick<Sealed, 'keyId' | 'wrappedKey'> {
  return {
    keyId: keys.primary.id,
    wrappedKey: encrypt(
      keys.primary.key,
      dataKey,
      `${context}:${keys.primary.id}`,
    ),
  };
}

function unwrap(sealed: Sealed, context: string, keys: Keyring): Buffer {
  const master = keys.all.get(sealed.keyId);
  if (!master)
    throw new KeyUnavailableError(
      `Master key ${sealed.keyId} is not configured.`,
    );
  return decrypt(master.key, sealed.wrappedKey, `${context}:${sealed.keyId}`);
}

export function open(sealed: Sealed, context: string, keys: Keyring): string {
  const dataKey = unwrap(sealed, context, keys);
  try {
    return decrypt(dataKey, sealed.ciphertext, context).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** The same secret with its data key wrapped by the primary master key. */
export function rewrap(sealed: Sealed, context: string, keys: Keyring): Sealed {
  const dataKey = unwrap(sealed, context, keys);
  try {
    return {
      ...wrapUnderPrimary(dataKey, context, keys),
      ciphertext: sealed.ciphertext,
    };
  } finally {
    dataKey.fill(0);
  }
}
