/**
 * Secrets at rest (a workspace's bot token): sealed with AES-256-GCM under a key derived (HKDF-SHA256)
 * from SITREP_ENCRYPTION_KEY. A sealed value names its format version; opening one sealed under
 * another key, or altered, fails rather than giving back garbage.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Seals and opens strings under one key. */
export interface Sealer {
  /** Seals `plain`, bound to `context` (what it belongs to, as `slack:T0123`): it opens only with the same context. */
  seal(plain: string, context?: string): string;
  /** The plain text; throws when the value was sealed under another key or context, or altered. */
  open(sealed: string, context?: string): string;
}

const VERSION = 'v1';

/** A sealer under `secret` (at least 32 characters: SITREP_ENCRYPTION_KEY). */
export function createSealer(secret: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'sitrep', 'sitrep installations v1', 32));
  return {
    seal(plain, context = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, context = '') {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) throw new Error('not a value Sitrep sealed');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('sealed under another SITREP_ENCRYPTION_KEY or for another record, or altered');
      }
    },
  };
}
