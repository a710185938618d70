/** Signs requests as Discord does (Ed25519 over `timestamp + body`) with a key pair made for the test. */
import { generateKeyPairSync, sign } from 'node:crypto';

/** A test application's key pair: the public half as Discord shows it (64 hex), and a way to sign. */
export interface Signer {
  publicKeyHex: string;
  headers(body: string, timestamp?: string): Record<string, string>;
}

/** A fresh key pair. */
export function createSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The SPKI DER of an Ed25519 key ends with its 32 raw bytes.
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return {
    publicKeyHex,
    headers(body, timestamp = String(Math.floor(Date.now() / 1000))) {
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
    },
  };
}

/** POSTs `payload` to the endpoint, signed by `signer`; the status and the parsed (or raw) answer. */
export async function postSigned(url: string, signer: Signer, payload: unknown): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, { method: 'POST', headers: signer.headers(body), body });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: json ? (JSON.parse(text) as unknown) : text };
}
