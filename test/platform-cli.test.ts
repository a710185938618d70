import { describe, expect, it } from 'vitest';
import { main, type CliDeps } from '../src/cli.js';

async function run(argv: string[], deps: CliDeps = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, deps);
  return { code, out, err };
}

describe('sitrep slack and sitrep discord', () => {
  it('prints the Slack manifest with one slash command per subject', async () => {
    const r = await run(['slack', 'manifest']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/command: \/ecuador/);
    expect(r.out).toMatch(/socket_mode_enabled: true/);
  });

  it('refuses to register Discord commands without the bot token, naming the variable', async () => {
    const r = await run(['discord', 'register'], { env: { DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: 'a'.repeat(64) } });
    expect(r.code).toBe(1);
    expect(r.err).toContain('DISCORD_TOKEN');
  });

  it.each([
    [['discord', 'register', '--guild', 'abc'], /--guild takes a server ID/],
    [['discord', 'nope'], /Unknown command 'sitrep discord nope'/],
    [['slack'], /Unknown command 'sitrep slack'/],
  ])('answers %j with a usage error (exit 2)', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
