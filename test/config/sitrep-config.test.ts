import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_CONFIG } from '../../src/adapters/slack/settings.js';
import { DEFAULT_CONFIG_FILE, describeConfigError, loadConfig } from '../../src/config/load-config.js';
import { tempDir } from '../temp-dir.js';

// Slack's section (`slack:`) is the Slack platform's schema, given to the loader as the bot gives it.
const known = { platforms: ['console', 'slack', 'discord'], subjects: ['ecuador'], sections: { slack: SLACK_CONFIG } };

async function load(yaml: string): Promise<Awaited<ReturnType<typeof loadConfig>>> {
  const dir = await tempDir({ 'sitrep.yaml': yaml });
  return loadConfig(join(dir, 'sitrep.yaml'), known);
}

describe('config/sitrep.yaml', () => {
  it('as committed, serves every subject folder, with an hourly homicides digest on the console, and runs with no secrets', async () => {
    const r = await loadConfig(DEFAULT_CONFIG_FILE, known);
    expect(r).toEqual({
      ok: true,
      value: {
        subjects: [],
        platforms: ['slack', 'discord'],
        timeZone: 'UTC',
        schedule: { graceMs: 2 * 3600_000, attempts: 5, backoffMs: 30_000, maxBackoffMs: 600_000 },
        platformConfig: { slack: { managers: [] } },
        ingest: { allowPrivate: false, allowHosts: [], timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, attempts: 3 },
        digests: [
          {
            id: 'ecuador-hourly',
            platform: 'console',
            channel: 'terminal',
            subject: 'ecuador',
            topic: 'homicides',
            cron: '0 * * * *',
            timeZone: 'UTC',
            origin: 'config',
          },
        ],
      },
    });
  });

  it('reports every problem at once, each with its path and what was expected', async () => {
    const r = await load(`
subjects: [ecuador, atlantis]
platforms: [slack, teams]
timezone: Mars/Olympus
schedule: { grace: soon, attempts: 0, extra: 1 }
slack: { managers: [bob] }
digests:
  - platform: discord
    channel: "700000000000000001"
    subject: ecuador
    time: "25:00"
    timezone: America/Guayakil
  - platform: console
    channel: terminal
    subject: ecuadr
    cron: "0 8 * *"
    time: "08:00"
  - platform: slack
    subject: ecuador
    time: "08:00"
  - id: Bad Id
    platform: console
    channel: 12
    subject: ecuador
    cron: "0 8 L * *"
    colour: red
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeConfigError(r.error).split('\n').slice(1)).toEqual([
      "  subjects[1]: unknown subject 'atlantis'; expected one of 'ecuador'",
      "  platforms[1]: unknown platform 'teams'; expected one of 'console', 'slack', 'discord'",
      '  timezone: unknown time zone "Mars/Olympus"; expected an IANA name such as America/Bogota, Europe/Madrid or UTC',
      '  schedule.grace: expected a duration such as 2h, 90m or 30s; got "soon"',
      '  schedule.attempts: expected at least 1 try',
      '  schedule: unknown key "extra"; expected grace, attempts, backoff, max_backoff',
      '  slack.managers[0]: expected a Slack user id (U… or W…) or user-group id (S…)',
      '  digests[0].time: expected a time of day, HH:MM (24-hour), such as "08:00" or "17:30"',
      '  digests[0].timezone: unknown time zone "America/Guayakil"; ' +
        'expected an IANA name such as America/Bogota, Europe/Madrid or UTC (did you mean America/Guayaquil?)',
      "  digests[1].subject: unknown subject 'ecuadr'; expected one of 'ecuador'",
      '  digests[1].cron: expected five fields (minute hour day-of-month month day-of-week), as in "0 8 * * 1-5"; got "0 8 * *"',
      '  digests[1]: expected either time (daily, as "08:00") or cron (as "0 8 * * 1-5"), not both and not neither',
      '  digests[2].channel: expected a channel: a Slack channel id (C…), a Discord channel id, or any name on the console',
      '  digests[3].id: expected an id of lower-case letters, digits, - _ or . (at most 64), such as strikes-morning',
      '  digests[3].cron: L, W and # are not supported here; use numbers, ranges (1-5), steps (*/2) and lists (1,15); got "0 8 L * *"',
      '  digests[3]: unknown key "colour"; expected id, platform, channel, subject, topic, cron, time, timezone, when_unchanged',
    ]);
    expect(describeConfigError(r.error).split('\n')[0]).toMatch(/sitrep\.yaml has 16 problems:$/);
  });

  it('names digests that would share an id, and digests whose subject is not served', async () => {
    const r = await load(`
subjects: [ecuador]
digests:
  - { platform: console, channel: t, subject: ecuador, time: "08:00" }
  - { platform: console, channel: t, subject: ecuador, time: "09:00" }
`);
    expect(r.ok ? [] : r.error.problems).toEqual(["digests[1].id: digests[0] has the same id 'ecuador-overview-console-t'; give each digest its own id:"]);
  });

  it('keeps a Discord channel id written without quotes exact, and fills in defaults', async () => {
    const r = await load(`
timezone: america/guayaquil
digests:
  - { platform: discord, channel: 700000000000000001, subject: ecuador, time: "7:30" }
`);
    expect(r.ok && r.value.digests).toEqual([
      {
        id: 'ecuador-overview-discord-700000000000000001',
        platform: 'discord',
        channel: '700000000000000001',
        subject: 'ecuador',
        topic: undefined,
        cron: '30 7 * * *',
        timeZone: 'America/Guayaquil',
        origin: 'config',
      },
    ]);
  });

  it('refuses a YAML alias bomb in one line naming the file', async () => {
    const r = await load(
      'a: &a [x, x, x, x, x, x, x, x, x, x]\n' +
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
    );
    const said = r.ok ? '' : describeConfigError(r.error);
    expect(said).toMatch(/sitrep\.yaml/);
    expect(said).toContain('refused: its aliases (*name) expand too far, as in an alias bomb');
    expect(said).not.toContain('    at ');
  });

  it('reports YAML that does not parse with its line, and a missing file with the way out', async () => {
    const bad = await load('digests:\n  - platform: console\n   channel: x\n');
    expect(bad.ok ? '' : bad.error.problems[0]).toMatch(/^line 3: /);
    const missing = await loadConfig('/nonexistent/sitrep.yaml', known);
    expect(missing.ok ? '' : describeConfigError(missing.error)).toBe(
      'Cannot read the config /nonexistent/sitrep.yaml (ENOENT). Give an existing file with --config FILE or SITREP_CONFIG, or restore config/sitrep.yaml.',
    );
  });

  it.each([
    ['2h', 7_200_000],
    ['90m', 5_400_000],
    ['1h30m', 5_400_000],
    ['30s', 30_000],
    ['45 min', 2_700_000],
  ])('reads the grace %j as %j ms', async (text, ms) => {
    const r = await load(`schedule: { grace: ${text} }`);
    expect(r.ok && r.value.schedule.graceMs).toBe(ms);
  });

  it('bounds every duration and size, and says which setting and its limit', async () => {
    const r = await load(`
schedule: { grace: 30d, backoff: 2h, max_backoff: 1194h }
ingest: { timeout: 1194h, max_size: 99999999999GB }
`);
    expect(r.ok ? [] : describeConfigError(r.error).split('\n').slice(1)).toEqual([
      '  schedule.grace: expected at most 7 days; got "30d"',
      '  schedule.backoff: expected at most 1 h; got "2h"',
      '  schedule.max_backoff: expected at most 1 day; got "1194h"',
      '  ingest.timeout: expected at most 10 min; got "1194h"',
      '  ingest.max_size: expected a size from 1 KB to 100 MB; got "99999999999GB"',
    ]);
    const small = await load('ingest: { max_size: 10 }');
    expect(small.ok ? [] : small.error.problems).toEqual(['ingest.max_size: expected a size from 1 KB to 100 MB; got "10"']);
  });
});
