import { generateMasterKey, keyring, masterKey } from './keyring';
import { KeyUnavailableError, open, rewrap, seal } from './envelope';

describe('envelope encryption', () => {
  const a = masterKey(generateMasterKey());
  const b = masterKey(generateMasterKey());

  it('opens what it sealed, and the sealed form holds no plaintext', () => {
    const sealed = seal('sk-canary-value-123', 'secret-1', keyring(a));
    expect(JSON.stringify(sealed)).not.toContain('canary');
    expect(sealed.keyId).toBe(a.id);
    expect(open(sealed, 'secret-1', keyring(a))).toBe('sk-canary-value-123');
  });

  it('refuses a ciphertext moved to another secret, or tampered with', () => {
    const sealed = seal('value', 'secret-1', keyring(a));
    expect(() => open(sealed, 'secret-2', keyring(a))).toThrow();
    const [v, iv, tag, body] = sealed.ciphertext.split('.');
    const flipped = Buffer.from(body as string, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() =>
      open(
        {
          ...sealed,
          ciphertext: [v, iv, tag, flipped.toString('base64')].join('.'),
        },
        'secret-1',
        keyring(a),
      ),
    ).toThrow();
  });

  it('re-wraps under a new primary key without touching the ciphertext', () => {
    const sealed = seal('value', 'secret-1', keyring(a));
    const moved = rewrap(sealed, 'secret-1', keyring(b, [a]));
    expect(moved.keyId).toBe(b.id);
    expect(moved.ciphertext).toBe(sealed.ciphertext);
    expect(open(moved, 'secret-1', keyring(b))).toBe('value');
    expect(() => open(sealed, 'secret-1', keyring(b))).toThrow(
      KeyUnavailableError,
    );
  });

  it('derives the same key id from the same key', () => {
    const encoded = generateMasterKey();
    expect(masterKey(encoded).id).toBe(masterKey(encoded).id);
    expect(masterKey(encoded).id).not.toBe(masterKey(generateMasterKey()).id);
  });
});
