import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigurationError } from '@hrkit/core';

/** One operator key: 32 bytes for AES-256-GCM, named so that stored ciphertexts say which key sealed them. */
export interface OperatorKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The operator's keys. The first is current (it seals); every key opens what it sealed, so a rotation is: put the new
 * key first, keep the old one, run `rotate-key` (re-seals every row under the current key), then drop the old key.
 *
 * Ciphertext format: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). The connection id is bound as
 * additional authenticated data, so a sealed credential copied onto another row does not open.
 */
export class KeyRing {
  private readonly keys: Map<string, Buffer>;
  readonly current: OperatorKey;

  constructor(keys: readonly OperatorKey[]) {
    if (keys.length === 0)
      throw new ConfigurationError('fleet: no operator key; set HRKIT_FLEET_KEYS="<id>:<base64 32 bytes>"', {
        field: 'keys',
      });
    this.keys = new Map();
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id))
        throw new ConfigurationError(`fleet: key id "${id}" must be 1-32 letters, digits, "_" or "-"`, {
          field: 'keys',
        });
      if (key.length !== 32)
        throw new ConfigurationError(`fleet: key "${id}" must be 32 bytes (AES-256), got ${key.length}`, {
          field: 'keys',
        });
      if (this.keys.has(id)) throw new ConfigurationError(`fleet: key id "${id}" given twice`, { field: 'keys' });
      this.keys.set(id, key);
    }
    this.current = keys[0]!;
  }

  /** `HRKIT_FLEET_KEYS`: comma-separated `<id>:<base64 key>`, current key first. */
  static parse(spec: string | undefined): KeyRing {
    const entries = (spec ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return new KeyRing(
      entries.map((entry, index) => {
        const colon = entry.indexOf(':');
        if (colon < 1)
          throw new ConfigurationError(`fleet: key ${index + 1} is not "<id>:<base64>"`, { field: 'keys' });
        return { id: entry.slice(0, colon), key: Buffer.from(entry.slice(colon + 1), 'base64') };
      }),
    );
  }

  /** A fresh random key, e.g. for `HRKIT_FLEET_KEYS` in a quick start. */
  static generate(id: string): string {
    return `${id}:${randomBytes(32).toString('base64')}`;
  }

  seal(plaintext: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [FORMAT, this.current.id, ...parts].join(':');
  }

  open(sealed: string, boundTo: string): string {
    const [format, keyId, iv, tag, ciphertext] = sealed.split(':');
    if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || ciphertext === undefined)
      throw new ConfigurationError(`fleet: a stored secret of ${boundTo} is not in the ${FORMAT} format`, {
        field: 'credentials',
      });
    const key = this.keys.get(keyId);
    if (!key)
      throw new ConfigurationError(
        `fleet: the secrets of ${boundTo} are sealed under key "${keyId}", which is not among the operator keys`,
        { field: 'keys' },
      );
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new ConfigurationError(
        `fleet: the secrets of ${boundTo} do not open under key "${keyId}" (wrong key, or the row was tampered with)`,
        { field: 'credentials' },
      );
    }
  }

  /** The key id a sealed value names. */
  static keyIdOf(sealed: string): string | null {
    return sealed.split(':')[1] ?? null;
  }
}
