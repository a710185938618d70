/** Discord's request signatures: Ed25519 over `timestamp + body`, with the application's public key. */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix that makes a raw 32-byte Ed25519 key an SPKI public key. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (64 hex characters) as a key object. */
export const publicKeyFromHex = (hex: string): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });

/** Whether `signature` (hex) signs `timestamp + body` for `key`; false for anything malformed. */
export function verifySignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
