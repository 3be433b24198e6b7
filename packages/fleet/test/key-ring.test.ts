import { ConfigurationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { KeyRing } from '../src/index.js';
import { KEY_A, KEY_B } from './harness.js';

describe('operator keys (AES-256-GCM)', () => {
  it('seals and opens, naming the key, and never shows the plaintext', () => {
    const ring = new KeyRing([KEY_A]);
    const sealed = ring.seal('token-SECRET-123', 'acme');
    expect(sealed.startsWith('v1:k1:')).toBe(true);
    expect(sealed).not.toContain('SECRET');
    expect(ring.open(sealed, 'acme')).toBe('token-SECRET-123');
    expect(ring.seal('token-SECRET-123', 'acme')).not.toBe(sealed); // fresh IV every time
  });

  it('refuses a ciphertext moved to another connection (the id is authenticated data)', () => {
    const ring = new KeyRing([KEY_A]);
    const sealed = ring.seal('token-SECRET-123', 'acme');
    expect(() => ring.open(sealed, 'globex')).toThrow(ConfigurationError);
    expect(() => ring.open(sealed, 'globex')).toThrow(/do not open under key "k1"/);
  });

  it('opens old rows after a rotation while sealing under the new key; a dropped key is named', () => {
    const old = new KeyRing([KEY_A]).seal('s', 'acme');
    const rotated = new KeyRing([KEY_B, KEY_A]);
    expect(rotated.open(old, 'acme')).toBe('s');
    expect(KeyRing.keyIdOf(rotated.seal('s', 'acme'))).toBe('k2');
    expect(() => new KeyRing([KEY_B]).open(old, 'acme')).toThrow(/sealed under key "k1", which is not among/);
  });

  it('parses HRKIT_FLEET_KEYS and rejects keys that are not 32 bytes, without echoing them', () => {
    const spec = `${KeyRing.generate('new')},old:${Buffer.alloc(32, 9).toString('base64')}`;
    expect(KeyRing.parse(spec).current.id).toBe('new');
    const short = Buffer.alloc(16, 7).toString('base64');
    const error = (() => {
      try {
        KeyRing.parse(`k:${short}`);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/must be 32 bytes/);
    expect(error?.message).not.toContain(short);
    expect(() => KeyRing.parse('')).toThrow(/no operator key/);
  });
});
