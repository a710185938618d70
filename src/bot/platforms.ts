/**
 * The chat platforms the bot can run, each from its adapter folder. A platform starts when its
 * secrets are set in the environment; adding one (Teams) means one entry here and its folder.
 */
import { createDiscordAdapter } from '../adapters/discord/adapter.js';
import { DISCORD_VARIABLES, discordSettingsFrom } from '../adapters/discord/settings.js';
import type { PlatformAdapter } from '../adapters/adapter.js';
import { createSlackAdapter } from '../adapters/slack/adapter.js';
import { SLACK_CONFIG, SLACK_VARIABLES, slackSettingsFrom } from '../adapters/slack/settings.js';
import type { z } from 'zod';
import type { Known } from '../config/sitrep-config.js';
import { SITREP_VARIABLES, type Env } from '../config/env.js';
import type { Result } from '../core/result.js';
import type { Logger } from '../log.js';
import type { ChatCommands } from '../service/chat.js';
import type { Library } from '../service/library.js';
import type { FirstSight } from '../server/replay-cache.js';
import type { InstallationStore } from '../store/store.js';

/** What the bot gives every chat adapter. */
interface ChatAdapterDeps {
  library: Library;
  logger: Logger;
  /**
   * Answers every slash command with who sent it and where, subscriptions included. Adapters call
   * `commands.handle(ctx, command, text)` in place of `answer(library, command, text)`.
   */
  commands: ChatCommands;
  /** Where a platform installed in many workspaces keeps each one's installation (sealed by the platform). */
  installations?: InstallationStore | undefined;
  /** Signed requests seen by every replica, when several share the database. */
  firstSight?: FirstSight | undefined;
}

/** A chat platform: how to read its settings, and how to make its adapter from them. */
export interface ChatPlatform<S = unknown> {
  name: string;
  /** The variables that configure it, for logs. */
  variables: readonly string[];
  /** How to turn it on, for `sitrep doctor`: `set X and Y`. */
  enable: string;
  /** Its own section of `sitrep.yaml` (`slack:`), when it has one: checked with the rest of the file. */
  configSection?: z.ZodType | undefined;
  /**
   * Its settings from the environment and its section of the config (as `configSection` read it;
   * undefined when the file has none): `undefined` when none of its variables is set, or what is wrong.
   */
  settingsFrom(env: Env, section?: unknown): Result<S | undefined, string>;
  create(deps: ChatAdapterDeps & { settings: S }): PlatformAdapter;
}

/** A platform entry, its settings type checked against its adapter's. */
const platform = <S>(p: ChatPlatform<S>): ChatPlatform => p;

/** Every chat platform this build can run, in start order. */
export const CHAT_PLATFORMS: readonly ChatPlatform[] = [
  platform({
    name: 'slack',
    variables: Object.keys(SLACK_VARIABLES),
    enable:
      'set SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode); ' +
      'or, for installs in many workspaces, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET and SITREP_ENCRYPTION_KEY',
    configSection: SLACK_CONFIG,
    settingsFrom: slackSettingsFrom,
    create: (deps) => createSlackAdapter(deps),
  }),
  platform({
    name: 'discord',
    variables: Object.keys(DISCORD_VARIABLES),
    enable: 'set DISCORD_APPLICATION_ID, and DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY (HTTP interactions; DISCORD_TOKEN too for digests)',
    settingsFrom: discordSettingsFrom,
    create: (deps) => createDiscordAdapter(deps),
  }),
];

/** Every variable Sitrep reads: its own and each platform's (`.env.example` lists each, with what it is for). */
export const envVariables = (platforms: readonly ChatPlatform[] = CHAT_PLATFORMS): string[] => [...SITREP_VARIABLES, ...platforms.flatMap((p) => p.variables)];

/** What a config file is checked against: the platforms' names and sections, and the subjects on disk. */
export const configKnown = (platforms: readonly ChatPlatform[], subjects: readonly string[]): Known => ({
  platforms: platformNames(platforms),
  subjects,
  sections: Object.fromEntries(platforms.flatMap((p) => (p.configSection ? [[p.name, p.configSection] as const] : []))),
});

/** Every platform name a config may use: the chat platforms and the console. */
const platformNames = (platforms: readonly ChatPlatform[] = CHAT_PLATFORMS): string[] => ['console', ...platforms.map((p) => p.name)];
