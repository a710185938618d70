/** Daily digests: chat.postMessage against the loopback fake, with 429s retried after Retry-After and other failures typed. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { briefingReply } from '../../../src/service/commands.js';
import type { Reply } from '../../../src/render/reply.js';
import type { Library, ServedSubject } from '../../../src/service/library.js';
import { hugeBriefing } from '../../render/slack/huge-briefing.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { blocksText, ecuadorLibrary, expectWithinSlackLimits, startHttpSlack, type HttpSlack } from './harness.js';

let fake: FakeSlack;
let library: Library;
let subject: ServedSubject;
let slack: HttpSlack;
let adapter: SlackAdapter;
const waits: number[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  library = await ecuadorLibrary();
  subject = library.subjects[0] as ServedSubject;
  slack = await startHttpSlack(fake, library, {
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  adapter = slack.adapter;
});
afterAll(async () => {
  await slack.close();
  await fake.close();
});
afterEach(() => {
  waits.length = 0;
});

const digest = (): Reply => briefingReply(subject, 'homicides');
const posts = (): typeof fake.calls => fake.calls.filter((c) => c.path === '/api/chat.postMessage');
const limited = (seconds: number) => ({ status: 429, headers: { 'retry-after': String(seconds) }, body: { ok: false, error: 'ratelimited' } });

describe('posting a digest', () => {
  it('posts the briefing with the bot token and the run key as metadata, and returns the message ts', async () => {
    const before = posts().length;
    const r = await adapter.post('C_DIGEST', digest(), 'ecuador:2025-02-10');
    expect(r).toEqual({ ok: true, value: { channel: 'C_DIGEST', messageId: expect.stringMatching(/^1700000000\./) as unknown } });
    const [call] = posts().slice(before);
    expect(call?.headers.authorization).toBe('Bearer xoxb-test');
    expect(call?.body).toMatchObject({ channel: 'C_DIGEST', metadata: { event_type: 'sitrep_digest', event_payload: { key: 'ecuador:2025-02-10' } } });
    expectWithinSlackLimits({ text: call?.body.text, blocks: call?.body.blocks });
    expect(blocksText(call?.body)).toContain('homicide rate');
    expect(blocksText(call?.body)).not.toContain('sitrep_share');
  });

  it('does not post a run again when its key is already in the channel (a crash after Slack took it)', async () => {
    const first = await adapter.post('C_RERUN', digest(), 'ecuador:rerun@2025-02-10T13:00Z');
    const before = posts().length;
    const again = await adapter.post('C_RERUN', digest(), 'ecuador:rerun@2025-02-10T13:00Z');
    expect(posts().length).toBe(before);
    expect(again).toEqual(first);
    const other = await adapter.post('C_RERUN', digest(), 'ecuador:rerun@2025-02-11T13:00Z');
    expect(posts().length).toBe(before + 1);
    expect(other.ok && first.ok && other.value.messageId !== first.value.messageId).toBe(true);
  });

  it('finds its earlier post a few pages back in a busy channel', async () => {
    const first = await adapter.post('C_BUSY', digest(), 'ecuador:busy@2025-02-10T13:00Z');
    // 250 messages since: the earlier digest is on history's third page.
    for (let i = 0; i < 250; i++) await adapter.post('C_BUSY', { kind: 'notice', title: `chatter ${String(i)}`, lines: [] });
    const before = posts().length;
    const again = await adapter.post('C_BUSY', digest(), 'ecuador:busy@2025-02-10T13:00Z');
    expect(posts().length).toBe(before);
    expect(again).toEqual(first);
    const pages = fake.calls.filter((c) => c.path === '/api/conversations.history' && c.body.channel === 'C_BUSY').slice(-3);
    expect(pages.map((c) => c.body.cursor ?? '')).toEqual(['', '100', '200']);
  });

  it('posts anyway when the channel history cannot be read', async () => {
    fake.script('conversations.history', { status: 200, body: { ok: false, error: 'missing_scope' } });
    const before = posts().length;
    const r = await adapter.post('C_NOSCOPE', digest(), 'ecuador:noscope@2025-02-10T13:00Z');
    expect(r.ok).toBe(true);
    expect(posts().length).toBe(before + 1);
  });

  it('waits out a 429 for its Retry-After, then posts', async () => {
    fake.script('chat.postMessage', limited(2));
    const before = posts().length;
    const r = await adapter.post('C_DIGEST', digest());
    expect(r.ok).toBe(true);
    expect(waits).toEqual([2000]);
    expect(posts().length - before).toBe(2);
  });

  it('gives up after three rate-limited attempts and says how long Slack asked to wait', async () => {
    fake.script('chat.postMessage', limited(1), limited(1), limited(7));
    const r = await adapter.post('C_DIGEST', digest());
    expect(r).toEqual({ ok: false, error: { code: 'rate-limited', message: 'ratelimited', retryAfter: 7 } });
    expect(waits).toEqual([1000, 1000]);
  });

  it('does not sit through a Retry-After longer than a minute', async () => {
    fake.script('chat.postMessage', limited(3600));
    const r = await adapter.post('C_DIGEST', digest());
    expect(r).toEqual({ ok: false, error: { code: 'rate-limited', message: 'ratelimited', retryAfter: 3600 } });
    expect(waits).toEqual([]);
  });

  it('reports a 500 as unavailable, without retrying', async () => {
    fake.script('chat.postMessage', { status: 500, body: { ok: false } });
    const before = posts().length;
    const r = await adapter.post('C_DIGEST', digest());
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: 'HTTP 500' } });
    expect(posts().length - before).toBe(1);
  });

  it("reports Slack's refusal in Slack's words", async () => {
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const r = await adapter.post('C_GONE', digest());
    expect(r).toEqual({ ok: false, error: { code: 'rejected', message: 'channel_not_found' } });
  });

  it('shortens a briefing too long for one message to fit, and says what it left out', async () => {
    const before = posts().length;
    const r = await adapter.post('C_DIGEST', { kind: 'briefing', subject, briefing: hugeBriefing() });
    expect(r.ok).toBe(true);
    const [call] = posts().slice(before);
    expectWithinSlackLimits({ text: call?.body.text, blocks: call?.body.blocks });
    expect(blocksText(call?.body)).toMatch(/\+\d+ more figures, \+\d+ more passages, \+\d+ more actors, \+\d+ more questions not shown/);
  });
});
