/** `sitrep discord register [--guild ID]`: puts the subjects' commands on Discord, globally or in one server. */
import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { Env } from '../../config/env.js';
import { err, ok, type Result } from '../../core/result.js';
import { CommandSchema, limitProblems } from '../../render/discord/assertions.js';
import { commandDefinitions, type CommandSubjects } from './command-definitions.js';
import { restOptions, toPostError } from './rest.js';
import { discordSettingsFrom } from './settings.js';

/** What registering needs: the commands come from `library`. */
export interface RegisterOptions {
  library: CommandSubjects;
  applicationId: string;
  token: string;
  /** A server (guild) id: its commands update at once, for testing. Global otherwise. */
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/** What was registered, and where. */
export interface Registered {
  names: string[];
  scope: 'global' | { guild: string };
}

function describe(e: unknown, opts: RegisterOptions): string {
  if (!(e instanceof DiscordAPIError)) return `Discord could not be reached: ${toPostError(e).message}.`;
  const where = opts.guildId ? `guild ${opts.guildId}` : `application ${opts.applicationId}`;
  if (e.status === 401) return 'Discord refused DISCORD_TOKEN (401): check the bot token.';
  if (e.status === 403) return `Discord refused commands in ${where} (403 ${e.message}): invite the bot there with the applications.commands scope.`;
  if (e.status === 404) return `Discord does not know ${where} (404): check DISCORD_APPLICATION_ID${opts.guildId ? ' and --guild' : ''}.`;
  return `Discord refused the commands (${String(e.status)}): ${e.message}`;
}

/** Registers (overwrites) the commands: one PUT, so commands of removed subjects disappear too. */
export async function registerCommands(opts: RegisterOptions): Promise<Result<Registered, string>> {
  const body = commandDefinitions(opts.library);
  if (!body.length) return err('There are no subjects to register.');
  const problems = body.flatMap((c) => limitProblems(CommandSchema, c).map((p) => `/${c.name} ${p}`));
  if (problems.length) return err(`These commands break Discord's rules (change 'command:' in briefing.yaml): ${problems.join('; ')}.`);
  if (opts.guildId !== undefined && !/^\d{1,20}$/.test(opts.guildId)) return err(`--guild takes a server id (digits), not '${opts.guildId}'.`);
  const rest = new REST(restOptions(opts)).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  try {
    await rest.put(route, { body });
  } catch (e) {
    return err(describe(e, opts));
  }
  return ok({ names: body.map((c) => c.name), scope: opts.guildId ? { guild: opts.guildId } : 'global' });
}

/** Where the command's output goes. */
export interface RegisterIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** The CLI's `sitrep discord register [--guild ID]`: settings from `env`, output to `io`; returns the exit code (0 done, 1 failed). */
export async function runDiscordRegister(input: { env: Env; library: CommandSubjects; guildId?: string | undefined; io: RegisterIo }): Promise<number> {
  const { io } = input;
  const settings = discordSettingsFrom(input.env);
  if (!settings.ok) {
    io.stderr(`${settings.error}\n`);
    return 1;
  }
  if (!settings.value?.token) {
    io.stderr('DISCORD_TOKEN is missing: registering commands needs the bot token (and DISCORD_APPLICATION_ID).\n');
    return 1;
  }
  const { applicationId, token, apiUrl } = settings.value;
  const r = await registerCommands({ library: input.library, applicationId, token, apiUrl, guildId: input.guildId });
  if (!r.ok) {
    io.stderr(`${r.error}\n`);
    return 1;
  }
  const names = r.value.names.map((n) => `/${n}`).join(', ');
  io.stdout(r.value.scope === 'global' ? `Registered ${names} globally.\n` : `Registered ${names} in guild ${r.value.scope.guild}; they show there at once.\n`);
  return 0;
}
