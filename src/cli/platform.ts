/** `sitrep slack manifest ...` and `sitrep discord register ...`: set-up commands of one chat platform. */
import { parseArgs } from 'node:util';
import { runDiscordRegister } from '../adapters/discord/register.js';
import { runSlackManifest } from '../adapters/slack/manifest.js';
import { readEnv } from '../config/env.js';
import { loadSubjectSettings } from '../load/subject.js';
import { BRIEFINGS_DIR, findSubject, listSubjects } from '../load/subjects-dir.js';

/** Where output goes. */
export interface PlatformIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage:
  sitrep slack manifest [subject...] [--url https://your.host] [--json]
  sitrep discord register [--guild ID]
`;

/** Runs a platform's set-up command; returns the exit code (2 for usage errors). */
export async function runPlatformCommand(
  argv: string[],
  io: PlatformIo,
  deps: { briefingsDir?: string | undefined; env?: Readonly<Record<string, string | undefined>> | undefined },
): Promise<number> {
  const [platform, sub, ...rest] = argv;
  if (platform === 'slack' && sub === 'manifest') return runSlackManifest(rest, io, { briefingsDir: deps.briefingsDir });
  if (platform === 'discord' && sub === 'register') return discordRegister(rest, io, deps);
  io.stderr(`Unknown command 'sitrep ${[platform, sub].filter(Boolean).join(' ')}'.\n${USAGE}`);
  return 2;
}

async function discordRegister(
  argv: string[],
  io: PlatformIo,
  deps: { briefingsDir?: string | undefined; env?: Readonly<Record<string, string | undefined>> | undefined },
): Promise<number> {
  let guild: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { guild: { type: 'string' } } });
    if (positionals.length) throw new Error(`'${positionals.join(' ')}' is extra.`);
    guild = values.guild;
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (guild !== undefined && !/^\d{17,20}$/.test(guild)) {
    io.stderr(`--guild takes a server ID (17 to 20 digits; Discord: right-click the server, Copy Server ID); got '${guild}'.\n`);
    return 2;
  }
  const env = readEnv(deps.env ?? {});
  if (!env.ok) {
    io.stderr(`Bad environment:\n${env.error.map((e) => `  ${e}`).join('\n')}\n`);
    return 1;
  }
  // Registration needs each subject's command and title: its briefing.yaml, not its articles.
  const root = deps.briefingsDir ?? BRIEFINGS_DIR;
  const subjects = [];
  for (const name of await listSubjects(root)) {
    const dir = await findSubject(name, root);
    const s = dir.ok ? await loadSubjectSettings(dir.value) : dir;
    if (!s.ok) {
      io.stderr(`${s.error.message}\n`);
      return 1;
    }
    subjects.push({ command: s.value.command, title: s.value.title });
  }
  return runDiscordRegister({ env: env.value, library: { subjects }, guildId: guild, io });
}
