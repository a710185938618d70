/**
 * The briefing page in a real browser: Debian's Chromium driven by playwright-core, the page served
 * by `sitrep start` on loopback. Screenshots (desktop and phone) are kept in test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot/bot.js';
import { main } from '../../src/cli.js';
import { brief } from '../../src/core/briefing/set.js';
import type { Briefing } from '../../src/core/model.js';
import { createLogger } from '../../src/log.js';
import { createPageLinks } from '../../src/server/page-links.js';
import { loadLibrary } from '../../src/service/library.js';
import { tempDir } from '../temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const SECRET = 'test-link-secret-0123456789abcdef0123';
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts');
const links = createPageLinks({ publicUrl: 'http://sitrep.invalid', secret: SECRET });

let browser: Browser;
let bot: RunningBot;
let stop: () => void = () => undefined;
let running: Promise<number>;
let base: string;
let overview: Briefing;

/** The page of `subject` on the running bot, through a link signed as the bot signs its own. */
const urlOf = (subject: string, topic?: string): string => {
  const link = new URL(links.link({ name: subject }, topic, Date.now()) ?? 'http://x.invalid');
  return `${base}${link.pathname}${link.search}`;
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`);
  const root = await tempDir({
    'sitrep.yaml': 'platforms: [slack, discord]\ndigests: []\n',
    'briefings/hostile/briefing.yaml': 'title: A hostile story\n',
    'briefings/hostile/articles/a.txt':
      'Mayor <script>window.pwned = 1</script> resigns\n' +
      'Source: Wire javascript:alert(1)\n' +
      'Date: 2025-02-20\n' +
      'The mayor said 40 staff would leave <img src=x onerror="window.pwned = 2"> &amp; see javascript:alert(2).\n',
  });
  await cp(join(import.meta.dirname, '../../briefings/ecuador'), join(root, 'briefings/ecuador'), { recursive: true });
  const library = await loadLibrary(['ecuador'], join(root, 'briefings'));
  if (!library.ok) throw new Error(library.error.message);
  const b = library.value.subjects[0] ? brief(library.value.subjects[0].set) : undefined;
  if (!b?.ok) throw new Error('no briefing');
  overview = b.value;
  let started: (b: RunningBot) => void = () => undefined;
  const ready = new Promise<RunningBot>((resolve) => {
    started = resolve;
  });
  const signals = {
    once: (_: string, fn: () => void) => {
      stop = fn;
    },
    off: () => undefined,
  };
  running = main(
    ['start', '--config', join(root, 'sitrep.yaml')],
    { stdout: () => undefined, stderr: () => undefined },
    {
      briefingsDir: join(root, 'briefings'),
      logger: createLogger('silent'),
      signals,
      onStarted: started,
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        SITREP_DB: join(root, 'sitrep.db'),
        SITREP_CONSOLE: 'off',
        SITREP_PUBLIC_URL: 'http://sitrep.invalid',
        SITREP_LINK_SECRET: SECRET,
      },
    },
  );
  bot = await ready;
  base = `http://127.0.0.1:${String(bot.port)}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser.close();
  stop();
  expect(await running).toBe(0);
});

/** A page at `width`, with every request it makes and every console error it logs kept. */
async function open(url: string, width: number): Promise<{ page: Page; requests: string[]; errors: string[]; status: number | undefined }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    errors.push(e.message);
  });
  const res = await page.goto(url);
  return { page, requests, errors, status: res?.status() };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('the briefing page in Chromium', () => {
  it('shows every figure of the briefing with its quotes, draws the disagreements and timelines, and loads nothing else', async () => {
    const { page, requests, errors, status } = await open(urlOf('ecuador'), 1280);
    expect(status).toBe(200);
    const text = squash(await page.locator('main').innerText());
    for (const f of overview.figures) {
      for (const q of f.sources) expect(text, `${f.metric}: ${q.quote}`).toContain(squash(q.quote));
    }
    const rate2024 = page.locator('figure.conflict', { has: page.locator('h3', { hasText: /^homicide rate · 2024$/ }) });
    await expect.poll(() => rate2024.count()).toBe(1);
    expect(await rate2024.locator('svg circle.mark').count()).toBe(3);
    const labels = await rate2024.locator('svg g.row > text:first-child').allTextContents();
    expect(labels[0]).toBe('AP');
    expect(labels.slice(1).every((l) => /^\[\d\] /.test(l))).toBe(true);
    expect(await rate2024.locator('svg title').first().textContent()).toBe('homicide rate, 2024: contradiction');
    expect(await rate2024.innerText()).toContain('Contradiction: the values cannot all be right.');
    expect(await page.locator('figure.timeline svg[role="img"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith(`${base}/`))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'page-desktop.png') });
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page } = await open(urlOf('ecuador', 'homicides'), 360);
    // A string is evaluated in the page: the test's own types know no DOM.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, 'page-phone.png'), fullPage: false });
  });

  it('runs no script an article carries, and shows it as text', async () => {
    const { page, errors } = await open(urlOf('hostile'), 1024);
    expect(await page.evaluate<unknown>('window.pwned')).toBeUndefined();
    expect(await page.locator('body').innerText()).toContain('Mayor <script>window.pwned = 1</script> resigns');
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('is a 404 without a token or with a forged one', async () => {
    expect((await open(`${base}/b/ecuador`, 1024)).status).toBe(404);
    const forged = urlOf('ecuador').replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
    const r = await open(forged, 1024);
    expect(r.status).toBe(404);
    expect((await r.page.locator('body').innerText()).trim()).toBe('Not found.');
  });
});

// Written last, so a run leaves a note of where the screenshots are.
afterAll(async () => {
  await writeFile(join(ARTIFACTS, 'README.txt'), 'Screenshots of the briefing page from test/browser/page.test.ts (desktop 1280 px, phone 360 px).\n');
});
