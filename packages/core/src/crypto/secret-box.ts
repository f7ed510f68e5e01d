import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const KEY_BYTES = 32;
// 96-bit nonces are what GCM is specified for; random ones are safe far beyond the number of
// secrets this platform will ever encrypt under one key.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that does not open: tampered, truncated, or sealed under another key. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/**
 * Encryption at rest for secrets the platform must read back (TOTP secrets; camera credentials
 * and webhook secrets later): AES-256-GCM with a key from configuration, as a versioned envelope
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), so a future key or algorithm can sit beside old rows.
 * Authenticated: an edited or swapped value fails to open instead of decrypting to garbage.
 */
export class SecretBox {
  readonly #key: Buffer;

  /** `key` is exactly 32 bytes (DATA_ENCRYPTION_KEY, base64 in the configuration). */
  constructor(key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new RangeError(`a SecretBox key is ${KEY_BYTES} bytes, not ${key.length}`);
    this.#key = Buffer.from(key);
  }

  /** Encrypts `plaintext` under a fresh random IV. */
  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    // The version is authenticated too, so an envelope cannot be relabelled.
    cipher.setAAD(Buffer.from(VERSION));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Decrypts an envelope made by `seal`; throws SecretBoxError when it was altered or sealed under another key. */
  open(envelope: string): string {
    const [version, iv, tag, ciphertext, ...rest] = envelope.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length) {
      throw new SecretBoxError('not a v1 SecretBox envelope');
    }
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('malformed SecretBox envelope');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(VERSION));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new SecretBoxError('the envelope was altered or sealed under another key', { cause: error });
    }
  }

  /** A new random key, base64, for DATA_ENCRYPTION_KEY. */
  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }
}
