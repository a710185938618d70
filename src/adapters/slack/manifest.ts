/**
 * `sitrep slack manifest`: the Slack app manifest for the subjects (one slash command each, the
 * scopes, and request URLs or Socket Mode), so creating the app is one paste.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { Topic } from '../../core/model.js';
import { loadSubjectSettings } from '../../load/subject.js';
import { BRIEFINGS_DIR, findSubject, listSubjects } from '../../load/subjects-dir.js';
import { SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from './settings.js';

/** What the manifest needs of a subject. */
interface ManifestSubject {
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
  /** Installs in many workspaces: the OAuth redirect URL and the uninstall events. */
  installs?: boolean | undefined;
}

/**
 * Scopes: slash commands; posting, also to public channels the bot was not invited to (digests);
 * reading user groups, for config that names groups as subscription managers.
 */
// History scopes let a rerun digest find its own earlier post by its metadata instead of posting twice.
export const SLACK_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'usergroups:read', 'channels:history', 'groups:history'] as const;

/** The manifest as Slack's "Create an app > From a manifest" takes it. */
export function slackManifest(opts: ManifestOptions): Record<string, unknown> {
  const base = opts.socketMode || !opts.publicUrl ? undefined : opts.publicUrl.replace(/\/+$/, '');
  const url = base === undefined ? undefined : `${base}${SLACK_EVENTS_PATH}`;
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
    oauth_config: { ...(base && opts.installs ? { redirect_urls: [`${base}${SLACK_OAUTH_REDIRECT_PATH}`] } : {}), scopes: { bot: [...SLACK_SCOPES] } },
    settings: {
      // Installed in many workspaces, Sitrep hears when one removes it, and deletes its token.
      ...(url && opts.installs ? { event_subscriptions: { request_url: url, bot_events: ['app_uninstalled', 'tokens_revoked'] } } : {}),
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

const USAGE = `Usage: sitrep slack manifest [subject...] [--url https://your.host] [--installs] [--json]
  --url URL   the https address Slack reaches Sitrep at (HTTP receiver); without it, Socket Mode
  --installs  for installs in many workspaces ("Add to Slack" at URL/slack/install); needs --url
  --json      JSON instead of YAML
`;

/** Runs `sitrep slack manifest …` (argv after `manifest`); returns the exit code: 0, 1 or 2 for usage. */
export async function runSlackManifest(argv: string[], io: ManifestIo, deps: { briefingsDir?: string | undefined } = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        installs: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
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
  if (args.values.installs && url === undefined) {
    io.stderr('--installs needs --url: Slack sends each install back to https://your.host/slack/oauth_redirect.\n');
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
  const installs = args.values.installs;
  const manifest = slackManifest({ subjects, publicUrl: url, socketMode: url === undefined, installs });
  io.stdout(args.values.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
  const host = (url ?? '').replace(/\/+$/, '');
  io.stderr(
    installs
      ? 'Installs: paste this at api.slack.com/apps > Create New App > From a manifest, turn on Manage Distribution, ' +
          `then set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET, SITREP_ENCRYPTION_KEY and SITREP_PUBLIC_URL=${host}. ` +
          `Workspaces install at ${host}${SLACK_INSTALL_PATH}.\n`
      : url === undefined
        ? 'Socket Mode: paste this at api.slack.com/apps > Create New App > From a manifest, ' +
          'then set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (connections:write).\n'
        : `HTTP: Slack will call ${url.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}. ` +
          'Paste this at api.slack.com/apps > Create New App > From a manifest, then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.\n',
  );
  return 0;
}
