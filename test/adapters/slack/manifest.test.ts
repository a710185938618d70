import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runSlackManifest, slackManifest } from '../../../src/adapters/slack/manifest.js';

const subjects = [{ command: 'ecuador', title: 'Ecuador seeks foreign military help', topics: [{ name: 'homicides' }, { name: 'cocaine' }] }];

describe('the Slack app manifest', () => {
  it('declares one slash command per subject, the scopes, and request URLs in HTTP mode', () => {
    const m = slackManifest({ subjects, publicUrl: 'https://sitrep.example.org/', socketMode: false });
    expect(m).toMatchObject({
      features: {
        slash_commands: [
          {
            command: '/ecuador',
            url: 'https://sitrep.example.org/slack/events',
            usage_hint: '[homicides | cocaine | topics | sources | help]',
            should_escape: false,
          },
        ],
      },
      oauth_config: { scopes: { bot: ['commands', 'chat:write', 'chat:write.public', 'usergroups:read', 'channels:history', 'groups:history'] } },
      settings: { interactivity: { is_enabled: true, request_url: 'https://sitrep.example.org/slack/events' }, socket_mode_enabled: false },
    });
  });

  it('adds the OAuth redirect URL and the uninstall events for installs in many workspaces', () => {
    const m = slackManifest({ subjects, publicUrl: 'https://sitrep.example.org/', socketMode: false, installs: true });
    expect(m).toMatchObject({
      oauth_config: { redirect_urls: ['https://sitrep.example.org/slack/oauth_redirect'] },
      settings: { event_subscriptions: { request_url: 'https://sitrep.example.org/slack/events', bot_events: ['app_uninstalled', 'tokens_revoked'] } },
    });
    expect(slackManifest({ subjects, publicUrl: 'https://sitrep.example.org/', socketMode: false })).not.toHaveProperty('settings.event_subscriptions');
  });

  it('has no request URLs in Socket Mode', () => {
    const m = slackManifest({ subjects, socketMode: true });
    expect(JSON.stringify(m)).not.toContain('url');
    expect(m).toMatchObject({ settings: { socket_mode_enabled: true, interactivity: { is_enabled: true } } });
  });
});

describe('sitrep slack manifest', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runSlackManifest(argv, {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
    return { code, stdout, stderr };
  };

  it('prints YAML for the bundled subjects, ready to paste', async () => {
    const r = await run(['--url', 'https://sitrep.example.org']);
    expect(r.code).toBe(0);
    const m = parse(r.stdout) as { features: { slash_commands: { command: string; url: string }[] } };
    expect(m.features.slash_commands).toEqual([expect.objectContaining({ command: '/ecuador', url: 'https://sitrep.example.org/slack/events' })]);
    expect(r.stderr).toContain('set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  });

  it('says what to set, and where workspaces install, with --installs', async () => {
    const r = await run(['--url', 'https://sitrep.example.org', '--installs']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'Installs: paste this at api.slack.com/apps > Create New App > From a manifest, turn on Manage Distribution, ' +
        'then set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET, SITREP_ENCRYPTION_KEY and ' +
        'SITREP_PUBLIC_URL=https://sitrep.example.org. Workspaces install at https://sitrep.example.org/slack/install.\n',
    );
  });

  it('prints JSON for Socket Mode with --json and no --url', async () => {
    const r = await run(['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ settings: { socket_mode_enabled: true } });
    expect(r.stderr).toContain('SLACK_APP_TOKEN');
  });

  it.each([
    [['--url', 'http://insecure.example'], 2, '--url must be the https:// address Slack can reach'],
    [['peru'], 2, "No subject 'peru'."],
    [['--bogus'], 2, "Unknown option '--bogus'"],
    [['--installs'], 2, '--installs needs --url'],
  ])('refuses %o', async (argv, code, message) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });
});
