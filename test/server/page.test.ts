/** The briefing page over HTTP: signed links, the bare 404, its headers, and article text kept as text. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startHttpServer, type HttpServer } from '../../src/server/http.js';
import { createPageLinks, pagePath } from '../../src/server/page-links.js';
import { PAGE_HEADERS, pageRoute } from '../../src/server/page-route.js';
import { loadLibrary, type Library } from '../../src/service/library.js';
import { tempDir } from '../temp-dir.js';

const SECRET = 'a'.repeat(40);
const NOW = Date.parse('2025-03-01T12:00:00Z');
const links = createPageLinks({ publicUrl: 'https://sitrep.example/', secret: SECRET });

let library: Library;
let server: HttpServer;
let base: string;

beforeAll(async () => {
  const root = await tempDir({
    'hostile/briefing.yaml': 'title: A hostile story\nsources:\n  a.txt: { outlet: "<b>Bad</b> Outlet" }\n',
    'hostile/articles/a.txt':
      'Mayor <script>window.pwned = 1</script> resigns\n' +
      'Source: Wire javascript:alert(1)\n' +
      'Date: 2025-02-20\n' +
      'The mayor said 40 staff would leave <img src=x onerror=alert(1)> &amp; see javascript:alert(2) for more.\n',
    'open/briefing.yaml': 'title: An open story\npage_access: public\nsources:\n  b.txt: { outlet: Port News, url: "https://port.example/news/1" }\n',
    'open/articles/b.txt': 'Port reopens\nDate: 2025-02-20\nThe port authority said 1,200 containers were stuck in the yard on Monday.\n',
  });
  const bundled = await loadLibrary(['ecuador']);
  const temp = await loadLibrary([], root);
  if (!bundled.ok || !temp.ok) throw new Error('library');
  const subjects = [...bundled.value.subjects, ...temp.value.subjects];
  library = { ...bundled.value, subjects };
  server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: [pageRoute({ library, links, logger: createLogger('silent'), now: () => NOW })],
    logger: createLogger('silent'),
  });
  base = `http://127.0.0.1:${String(server.port)}`;
});

afterAll(async () => {
  await server.close();
});

/** The page a link points at, on the test server. */
const local = (link: string | undefined): string => `${base}${new URL(link ?? 'https://x.invalid/').pathname}${new URL(link ?? 'https://x.invalid/').search}`;
const linkTo = (name: string, topic?: string): string | undefined => links.link({ name }, topic, NOW);

describe('page links', () => {
  it('are signed for the subject, the topic and an expiry, and check nothing else', () => {
    const link = linkTo('ecuador', 'homicides') ?? '';
    expect(link).toMatch(/^https:\/\/sitrep\.example\/b\/ecuador\/homicides\?t=\d+\.[\w-]{43}$/);
    const token = new URL(link).searchParams.get('t') ?? '';
    expect(links.verify('ecuador', 'homicides', token, NOW)).toBe(true);
    expect(links.verify('ecuador', 'cocaine', token, NOW)).toBe(false);
    expect(links.verify('other', 'homicides', token, NOW)).toBe(false);
    expect(links.verify('ecuador', 'homicides', token, NOW + 31 * 86_400_000)).toBe(false);
    expect(
      links.verify(
        'ecuador',
        'homicides',
        token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        NOW,
      ),
    ).toBe(false);
    expect(createPageLinks({ publicUrl: 'https://sitrep.example', secret: 'b'.repeat(40) }).verify('ecuador', 'homicides', token, NOW)).toBe(false);
  });

  it('are made only with a public address, and without a secret only for public subjects', () => {
    expect(createPageLinks({ secret: SECRET }).link({ name: 'ecuador' }, undefined, NOW)).toBeUndefined();
    const unsigned = createPageLinks({ publicUrl: 'https://sitrep.example' });
    expect(unsigned.link({ name: 'ecuador' }, undefined, NOW)).toBeUndefined();
    expect(unsigned.link({ name: 'open', pageAccess: 'public' }, 'banana ports', NOW)).toBe('https://sitrep.example/b/open/banana%20ports');
    expect(pagePath('ecuador', 'military aid')).toBe('/b/ecuador/military%20aid');
  });
});

describe('GET /b/<subject>/<topic>', () => {
  it('serves the page for a signed link, with headers that allow nothing but its own style', async () => {
    const res = await fetch(local(linkTo('ecuador', 'homicides')));
    expect(res.status).toBe(200);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(res.headers.get(name)).toBe(value);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/]+=*'; img-src 'none'/);
    const html = await res.text();
    expect(html).toContain('<title>Ecuador seeks foreign military help against drug cartels (Feb 2025) — Homicides</title>');
    expect(html).toContain('<mark>38.76</mark>');
    expect(html).not.toMatch(/<script|style=/i);
  });

  it('answers a missing, forged, expired or misplaced token, and an unknown subject, with the same bare 404', async () => {
    const good = local(linkTo('ecuador', 'homicides'));
    const token = new URL(good).searchParams.get('t') ?? '';
    const expired = createPageLinks({ publicUrl: 'https://x', secret: SECRET, ttlMs: 60_000 }).link({ name: 'ecuador' }, 'homicides', NOW - 120_000);
    const urls = [
      `${base}/b/ecuador/homicides`,
      `${base}/b/ecuador/homicides?t=${token.slice(0, -2)}xx`,
      local(expired),
      `${base}/b/ecuador/cocaine?t=${token}`,
      `${base}/b/atlantis/homicides?t=${token}`,
      `${base}/b/%E0%A4%A/x`,
    ];
    for (const url of urls) {
      const res = await fetch(url);
      expect([url, res.status, await res.text()]).toEqual([url, 404, 'Not found.\n']);
    }
  });

  it('opens a subject with page_access: public to anyone, and answers only GET and HEAD', async () => {
    const open = await fetch(`${base}/b/open`);
    expect(open.status).toBe(200);
    // Each quote cites its source and links to the article itself.
    expect(await open.text()).toContain(
      '<mark>1,200</mark> containers were stuck in the yard on Monday.”</blockquote>' +
        '<cite><a href="#source-1">[1] Port News</a> · <a href="https://port.example/news/1" rel="noreferrer noopener">the article</a></cite>',
    );
    const head = await fetch(`${base}/b/open`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect((await fetch(`${base}/b/open`, { method: 'POST' })).status).toBe(405);
  });

  it('shows article text as text: no script, no markup, no javascript: link', async () => {
    const html = await (await fetch(local(linkTo('hostile')))).text();
    expect(html).toContain('Mayor &lt;script&gt;window.pwned = 1&lt;/script&gt; resigns');
    expect(html).toContain('&lt;b&gt;Bad&lt;/b&gt; Outlet');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&amp;amp;');
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
  });
});

describe('a page for a file', () => {
  it('is what the route serves: sitrep page renders the same briefing', async () => {
    const { main } = await import('../../src/cli.js');
    let out = '';
    const code = await main(
      ['page', 'ecuador', 'homicides'],
      { stdout: (s) => (out += s), stderr: () => undefined },
      { env: { SITREP_DB: join(await tempDir(), 'none.db') }, now: () => NOW },
    );
    expect(code).toBe(0);
    const served = await (await fetch(local(linkTo('ecuador', 'homicides')))).text();
    expect(out).toBe(served);
  });
});
