/** `sitrep digests`: the digests (config and subscriptions) with their next run, and the recorded runs, failures with their reason. */
import { existsSync } from 'node:fs';
import { describeConfigError, loadConfig } from '../config/load-config.js';
import { err, ok, type Result } from '../core/result.js';
import { listSubjects } from '../load/subjects-dir.js';
import { cronOf, describeSchedule, nextRun } from '../schedule/cron.js';
import type { Digest } from '../schedule/digest.js';
import { formatIn, formatLocal } from '../schedule/wall-clock.js';
import { describeLocation, type StoreLocation } from '../store/location.js';
import { openStore } from '../store/open.js';
import type { DigestRun } from '../store/store.js';
import { allDigests } from '../bot/digests.js';
import { CHAT_PLATFORMS, configKnown, type ChatPlatform } from '../bot/platforms.js';

/** What the report reads. */
export interface DigestsReportDeps {
  configFile: string;
  db: StoreLocation;
  briefingsDir: string;
  platforms?: readonly ChatPlatform[] | undefined;
  now?: () => number;
  /** How many runs to list. */
  limit: number;
  /** Only failed runs. */
  failedOnly: boolean;
}

const STATE: Record<DigestRun['state'], string> = { posted: 'posted', failed: 'FAILED', skipped: 'skipped', claimed: 'in progress' };

function runLine(r: DigestRun): string {
  const tries = `${String(r.attempts)} ${r.attempts === 1 ? 'try' : 'tries'}`;
  const detail =
    r.state === 'posted'
      ? `${tries}, message ${r.messageId ?? '?'}`
      : r.state === 'claimed'
        ? `${tries}${r.nextAttemptAt ? `, next try ${new Date(r.nextAttemptAt).toISOString()}` : ''}${r.error ? `; last error: ${r.error}` : ''}`
        : (r.error ?? '');
  return `  ${formatLocal(r.scheduledAt, r.timeZone)}  ${r.digestId} -> ${r.platform} ${r.channel}  ${STATE[r.state]}${detail ? `: ${detail}` : ''}`;
}

function digestLine(d: Digest, now: number): string {
  const next = nextRun(cronOf(d.cron), d.timeZone, now);
  const origin = d.origin === 'config' ? 'config' : 'subscribed from chat';
  return (
    `  ${d.id}  ${d.subject}${d.topic ? ` / ${d.topic}` : ''} -> ${d.platform} ${d.channel}  ${describeSchedule(d.cron)} ${d.timeZone}  (${origin}); ` +
    `next ${next === undefined ? 'never' : `${formatLocal(next, d.timeZone)} (${formatIn(next, now)})`}`
  );
}

/** The report as text; an error only when there is nothing at all to show. */
export async function digestsReport(deps: DigestsReportDeps): Promise<Result<string, string>> {
  const now = (deps.now ?? Date.now)();
  const platforms = deps.platforms ?? CHAT_PLATFORMS;
  const out: string[] = [];
  const config = await loadConfig(deps.configFile, configKnown(platforms, await listSubjects(deps.briefingsDir)));
  if (!config.ok) out.push(`(The config has problems, so its digests are not listed.)\n${describeConfigError(config.error)}`, '');
  if (deps.db.engine === 'sqlite' && !existsSync(deps.db.file)) {
    if (!config.ok) return err(out.join('\n'));
    out.push('Digests:', ...(config.value.digests.length ? config.value.digests.map((d) => digestLine(d, now)) : ['  none']), '');
    out.push(
      `No database at ${describeLocation(deps.db)} yet: the bot has not run with it (SITREP_DB picks another file), ` +
        'so there are no runs or subscriptions to show.',
    );
    return ok(`${out.join('\n')}\n`);
  }
  const opened = await openStore(deps.db);
  if (!opened.ok) return err(opened.error);
  const store = opened.value;
  try {
    const digests = await allDigests(config.ok ? config.value.digests : [], store.subscriptions);
    out.push('Digests:', ...(digests.length ? digests.map((d) => digestLine(d, now)) : ['  none']), '');
    const runs = await store.runs.list({ limit: deps.limit, ...(deps.failedOnly ? { states: ['failed' as const] } : {}) });
    const failed = (await store.runs.list({ limit: 1000, states: ['failed'] })).length;
    out.push(deps.failedOnly ? `Failed runs, newest first (at most ${String(deps.limit)}):` : `Runs, newest first (at most ${String(deps.limit)}):`);
    out.push(...(runs.length ? runs.map(runLine) : ['  none yet']));
    if (!deps.failedOnly && failed) out.push('', `${String(failed)} failed run(s) in all; 'sitrep digests --failed' lists them.`);
    return ok(`${out.join('\n')}\n`);
  } finally {
    await store.close();
  }
}
