import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src/store/seal.js';

const KEY = 'k'.repeat(32);

describe('sealed secrets', () => {
  it('open to what was sealed, and never show it', () => {
    const s = createSealer(KEY);
    const sealed = s.seal('xoxb-secret-token');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('xoxb');
    expect(s.seal('xoxb-secret-token')).not.toBe(sealed);
    expect(s.open(sealed)).toBe('xoxb-secret-token');
  });

  it('refuse to open under another key, or once altered', () => {
    const sealed = createSealer(KEY).seal('xoxb-secret-token');
    expect(() => createSealer('x'.repeat(32)).open(sealed)).toThrow('sealed under another SITREP_ENCRYPTION_KEY or for another record, or altered');
    const body = sealed.split('.');
    // One character of the ciphertext changed (to another one, whatever it was).
    const cipher = body[3] ?? '';
    body[3] = `${cipher.startsWith('A') ? 'B' : 'A'}${cipher.slice(1)}`;
    expect(() => createSealer(KEY).open(body.join('.'))).toThrow('sealed under another SITREP_ENCRYPTION_KEY or for another record, or altered');
    expect(() => createSealer(KEY).open('plain')).toThrow('not a value Sitrep sealed');
  });

  it("open only for the record they were sealed for: a token copied to another workspace's row does not open", () => {
    const s = createSealer(KEY);
    const sealed = s.seal('xoxb-t1', 'slack:T1');
    expect(s.open(sealed, 'slack:T1')).toBe('xoxb-t1');
    expect(() => s.open(sealed, 'slack:T2')).toThrow('sealed under another SITREP_ENCRYPTION_KEY or for another record, or altered');
  });
});
