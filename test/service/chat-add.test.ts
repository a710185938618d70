/** `/<subject> add <url>` from chat: who may, what is answered, and that the briefing includes the page at once. */
import { describe, expect, it } from 'vitest';
import { INGEST_DEFAULTS, type IngestSettings } from '../../src/config/sitrep-config.js';
import { createIngestion } from '../../src/ingest/setup.js';
import { createChatCommands, type CommandContext } from '../../src/service/chat.js';
import { loadLibrary, refreshSubject } from '../../src/service/library.js';
import { newsPage, RUNOFF, RUNOFF_COPY } from '../ingest/fixtures.js';
import { startServer } from '../ingest/server.js';
import { sqliteStore } from '../schedule/harness.js';
import { tempDir } from '../temp-dir.js';

async function setup(settings: IngestSettings, withAdd = true) {
  const root = await tempDir({ 'live/briefing.yaml': 'title: Ecuador, live\nfeeds: ["https://news.example/world.xml"]\nmatch: [Ecuador]\n' });
  const { store } = await sqliteStore();
  const opts = { articles: store.articles };
  const loaded = await loadLibrary(['live'], root, opts);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const library = loaded.value;
  const { ingestor, close } = createIngestion({ settings, store, now: () => Date.parse('2025-04-16T12:00:00Z') });
  const commands = createChatCommands({
    library,
    subscriptions: store.subscriptions,
    configDigests: [],
    defaultTimeZone: 'UTC',
    addPage: withAdd
      ? async (subject, url) => {
          const r = await ingestor.addUrl(subject, url);
          if (r.ok && r.value.kind !== 'duplicate') await refreshSubject(library, subject, opts);
          return r;
        }
      : undefined,
  });
  const say = async (ctx: CommandContext, text: string): Promise<[string, string[]]> => {
    const r = await commands.handle(ctx, 'live', text);
    return r.kind === 'notice' ? [r.title, r.lines] : [r.kind, []];
  };
  return { library, commands, say, close, root };
}

const admin: CommandContext = { platform: 'slack', channel: 'C1', user: 'UADMIN', mayChangeDigests: () => Promise.resolve({ ok: true }) };
const LOOPBACK: IngestSettings = { ...INGEST_DEFAULTS, allowPrivate: true };

describe('adding a page from chat', () => {
  it('takes the page in and serves it at once; a wire copy of it counts once', async () => {
    const s = await startServer({ '/a': { type: 'text/html', body: newsPage(RUNOFF) }, '/b': { type: 'text/html', body: newsPage(RUNOFF_COPY) } });
    const { say, commands, close } = await setup(LOOPBACK);
    expect(await say(admin, `add ${s.url('/a')}`)).toEqual([
      'Added',
      ['“Noboa wins Ecuador runoff as homicides fall” — El Diario', '/live briefings include it now.'],
    ]);
    const b = await commands.handle(admin, 'live', '');
    expect(b.kind === 'briefing' && b.briefing.sources.map((x) => x.outlet)).toEqual(['El Diario']);
    expect(await say(admin, `add ${s.url('/b')}`)).toEqual([
      'Added as a wire copy',
      ['Same story as “Noboa wins Ecuador runoff as homicides fall”, already in /live: it counts once, and now lists El Diario, La Prensa.'],
    ]);
    expect(await say(admin, `add ${s.url('/a')}`)).toEqual(['Already there', ['“Noboa wins Ecuador runoff as homicides fall” is already in /live.']]);
    const after = await commands.handle(admin, 'live', '');
    expect(after.kind === 'briefing' && after.briefing.sources.map((x) => x.outlet)).toEqual(['El Diario (also La Prensa)']);
    close();
  });

  it('is for admins only (the same rule as subscriptions)', async () => {
    const { say, close } = await setup(LOOPBACK);
    const refused = (who: string, hint?: string): CommandContext => ({
      platform: 'any',
      channel: 'C1',
      user: 'U2',
      mayChangeDigests: () => Promise.resolve({ ok: false, who, hint }),
    });
    expect(
      await say(refused("the people named in Sitrep's config (slack.managers)", 'Ask one of them, or your Sitrep admin.'), 'add https://news.example/a'),
    ).toEqual(['Not allowed', ["Only the people named in Sitrep's config (slack.managers) may add pages. Ask one of them, or your Sitrep admin."]]);
    expect(await say(refused('members who can manage this channel (Manage Channels)'), 'add https://news.example/a')).toEqual([
      'Not allowed',
      ['Only members who can manage this channel (Manage Channels) may add pages.'],
    ]);
    close();
  });

  it('refuses an address on a private network unless config allows it', async () => {
    const s = await startServer({ '/a': { type: 'text/html', body: newsPage(RUNOFF) } });
    const { say, close } = await setup(INGEST_DEFAULTS);
    const [title, lines] = await say(admin, `add ${s.url('/a')}`);
    expect(title).toBe('Not added');
    expect(lines[0]).toContain('resolves to 127.0.0.1, a loopback address; Sitrep fetches only public addresses');
    expect(s.requests).toEqual([]);
    close();
  });

  it('asks for a web address, and says when adding from chat is off', async () => {
    const on = await setup(LOOPBACK);
    expect(await on.say(admin, 'add')).toEqual(['Not added', ["Give the page's web address, as in /live add https://example.com/news/story."]]);
    expect(await on.say(admin, 'add ftp://x')).toEqual(['Not added', ["Give the page's web address, as in /live add https://example.com/news/story."]]);
    on.close();
    const off = await setup(LOOPBACK, false);
    expect(await off.say(admin, 'add https://news.example/a')).toEqual(['Not added', ['Adding pages from chat is not enabled on this Sitrep.']]);
    off.close();
  });
});
