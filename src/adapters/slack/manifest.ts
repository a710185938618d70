/**
 * `sitrep slack manifest`: the Slack app manifest for the subjects (one slash command each, the
 * scopes, and request URLs or Socket Mode), so creating the app is one paste.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { Topic } from '../../core/model.js';
import { loadSubjectSettings } from '../../load/subject.js';
import { BRIEFINGS_DIR, findSubject, listSubjects } from '../../load/subjects-dir.js';
import { SLACK_EVENTS_PATH } from './settings.js';

/** What the manifest needs of a subject. */
export interface ManifestSubject {
  command: string;
  title: string;
  topics: readonly Pick<Topic, 'name'>[];
}

/** Options: HTTP request URLs under `publicUrl`, or Socket Mode. */
export interface ManifestOptions {
  subjects: readonly ManifestSubject[];
  /** The https address Slack reaches the bot at, as in `https://sitrep.example.org`; HTTP mode only. */
  publicUrl?: string | undefined;
  socketMode: boolean;
}

/**
 * Scopes: slash commands; posting, also to public channels the bot was not invited to (digests);
 * reading user groups, for config that names groups as subscription managers.
 */
// History scopes let a rerun digest find its own earlier post by its metadata instead of posting twice.
export const SLACK_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'usergroups:read', 'channels:history', 'groups:history'] as const;

/** The manifest as Slack's "Create an app > From a manifest" takes it. */
export function slackManifest(opts: ManifestOptions): Record<string, unknown> {
  const url = opts.socketMode || !opts.publicUrl ? undefined : `${opts.publicUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}`;
  return {
    display_information: {
      name: 'Sitrep',
      description: 'Grounded briefings from news articles: key figures, conflicts, actors, open questions.',
      background_color: '#1f2937',
    },
    features: {
      bot_user: { display_name: 'Sitrep', always_online: true },
      slash_commands: opts.subjects.map((s) => ({
        command: `/${s.command}`,
        description: clipTo(`Briefing: ${s.title}`, 100),
        usage_hint: clipTo(`[${[...s.topics.slice(0, 3).map((t) => t.name), 'topics', 'sources', 'help'].join(' | ')}]`, 100),
        should_escape: false,
        ...(url ? { url } : {}),
      })),
    },
    oauth_config: { scopes: { bot: [...SLACK_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: opts.socketMode,
      token_rotation_enabled: false,
    },
  };
}

const clipTo = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

/** Where output goes (the CLI's `Io`). */
export interface ManifestIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: sitrep slack manifest [subject...] [--url https://your.host] [--json]
  --url URL  the https address Slack reaches Sitrep at (HTTP receiver); without it, Socket Mode
  --json     JSON instead of YAML
`;

/** Runs `sitrep slack manifest …` (argv after `manifest`); returns the exit code: 0, 1 or 2 for usage. */
export async function runSlackManifest(argv: string[], io: ManifestIo, deps: { briefingsDir?: string | undefined } = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const url = args.values.url;
  if (url !== undefined && !/^https:\/\/[^\s/]+/.test(url)) {
    io.stderr(`--url must be the https:// address Slack can reach, as in https://sitrep.example.org (got '${url}').\n`);
    return 2;
  }
  const root = deps.briefingsDir ?? BRIEFINGS_DIR;
  const names = args.positionals.length ? args.positionals : await listSubjects(root);
  if (!names.length) {
    io.stderr(`There are no subjects in ${root}: add one (see the README) before creating the Slack app.\n`);
    return 1;
  }
  const subjects: ManifestSubject[] = [];
  for (const name of names) {
    const dir = await findSubject(name, root);
    const s = dir.ok ? await loadSubjectSettings(dir.value) : dir;
    if (!s.ok) {
      io.stderr(`${s.error.message}\n`);
      return s.error.code === 'unknown-subject' ? 2 : 1;
    }
    if (s.value.command.length > 31) {
      io.stderr(`/${s.value.command} (subject ${name}) is longer than Slack's 32 characters: set a shorter command: in its briefing.yaml.\n`);
      return 1;
    }
    subjects.push(s.value);
  }
  const manifest = slackManifest({ subjects, publicUrl: url, socketMode: url === undefined });
  io.stdout(args.values.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
  io.stderr(url === undefined
    ? 'Socket Mode: paste this at api.slack.com/apps > Create New App > From a manifest, then set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (connections:write).\n'
    : `HTTP: Slack will call ${url.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}. Paste this at api.slack.com/apps > Create New App > From a manifest, then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.\n`);
  return 0;
}
