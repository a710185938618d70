import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('sitrep CLI', () => {
  it('prints a short briefing of the bundled subject', async () => {
    const r = await run('brief', 'ecuador');
    expect(r.code).toBe(0);
    expect(r.out).toContain('⚠ sources disagree: 38.76 [1] · 36.18 [2] · 38 [5]');
    expect(r.out.trim().split('\n').length).toBeLessThanOrEqual(20);
    expect(r.out).toMatch(/Key figures \(\+\d+ more figures\)/);
  });

  it('prints only JSON on stdout with --json, following the contract', async () => {
    const r = await run('brief', 'ecuador', 'homicides', '--json', '--all');
    const b = JSON.parse(r.out) as { figures: { metric: string; value: number; period: string; sources: { file: string; quote: string }[] }[]; conflicts: unknown[] };
    expect(b.figures.length).toBeGreaterThan(8);
    expect(b.figures[0]).toHaveProperty('sources.0.quote');
    expect(b.conflicts.length).toBe(2);
  });

  it('answers an unknown topic with suggestions and exit code 2', async () => {
    const r = await run('brief', 'ecuador', 'homicdes');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Did you mean: homicides?');
  });

  it('refuses an unknown command and an unknown flag with exit code 2', async () => {
    expect((await run('summarise')).code).toBe(2);
    const flag = await run('brief', '--colour');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--colour');
  });

  it('briefs any folder, skipping bad files with a warning that names them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-'));
    await writeFile(join(dir, 'a.txt'), 'Port strike ends\nDate: 2024-03-01\nDockers ended a strike that cost $12 million last month, the union said.\n');
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    await writeFile(join(dir, 'latin1.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x0a, 0x54, 0x68, 0x65, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x69, 0x73, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e]));
    const r = await run('brief', '--articles', dir, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/empty\.txt: skipped, the file is empty/);
    expect(r.err).toMatch(/bin\.txt: skipped, it is a binary file/);
    expect(r.err).toMatch(/latin1\.md: skipped, it is not valid UTF-8/);
    const b = JSON.parse(r.out) as { figures: { value: number; period: string }[] };
    expect(b.figures).toEqual([expect.objectContaining({ value: 12_000_000, period: 'February 2024' })]);
  });

  it('says what to do when the folder does not exist', async () => {
    const r = await run('brief', '--articles', '/nonexistent/sitrep');
    expect(r.code).toBe(2);
    expect(r.err).toContain('No folder at /nonexistent/sitrep');
  });

  it('lists topics and sources', async () => {
    expect((await run('topics', 'ecuador')).out).toMatch(/^homicides\s+Homicides/m);
    expect((await run('sources', 'ecuador')).out).toContain('[5] 004_5f90fad844f25562.txt');
  });
});
