/**
 * The full briefing as one HTML page: every figure with each source's sentence (the number
 * marked in it), disagreements and timelines drawn as inline SVG with the same said in text,
 * actors, open questions and the numbered sources. No script, no external asset: one inline
 * stylesheet, which the server allows by its hash (PAGE_STYLE).
 */
import { htmlEscape } from 'escape-goat';
import type { Actor, Briefing, Conflict, Evidence, Figure, Question, SourceRef, Timeline } from '../core/model.js';
import { actorText, coreFirst, figureLines, figureValue, publishedRange } from './parts.js';
import { visible } from './visible.js';
import { plural } from '../core/text.js';

/** The page on paper: no navigation, every detail open, each link's address written out, no item split across pages. */
const PRINT_STYLE =
  '@media print{nav,details summary{display:none}details>*{display:block}' +
  'a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8rem;color:var(--muted)}' +
  'h2{break-after:avoid}figure,.items>li{break-inside:avoid}}';

/** The page's only style; the server's Content-Security-Policy allows exactly this text by its hash. */
export const PAGE_STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#d0d0d0;--accent:#0b5cad;--warn:#9c2b00;--mark:#fff1a8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer,nav{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1rem;margin:0}
p,li,blockquote,figcaption{overflow-wrap:anywhere}
.meta,.period,cite,figcaption{color:var(--muted);font-size:.9rem}
nav ul{list-style:none;padding:0;margin:1rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.items{list-style:none;padding:0;margin:0}
.items>li{border-top:1px solid var(--line);padding:.75rem 0}
.value{font-weight:700}
.flag{color:var(--warn);font-weight:600}
blockquote{margin:.35rem 0 0;padding-left:.75rem;border-left:3px solid var(--line)}
mark{background:var(--mark);color:inherit;padding:0 .1em}
figure{margin:1rem 0;padding:.75rem 0;border-top:1px solid var(--line)}
svg{display:block;width:100%;height:auto;max-width:30rem;margin:.5rem 0}
svg text{font:13px system-ui,sans-serif;fill:var(--ink)}
svg .axis{stroke:var(--line);stroke-width:1}
svg .mark{fill:var(--accent)}
svg .mark.other{fill:var(--warn)}
svg .path{fill:none;stroke:var(--accent);stroke-width:2}
figure ol,figure ul{margin:.25rem 0 0;padding-left:1.25rem;color:var(--muted);font-size:.9rem}
details summary{cursor:pointer;color:var(--muted);font-size:.9rem}
footer{margin:2rem auto;color:var(--muted);font-size:.85rem}
${PRINT_STYLE}
`.trim();

/** What the page says besides the briefing. */
export interface PageOptions {
  /** When the page was made (ms), said in its footer. */
  generatedAt: number;
  /** From a digest's link: what is new since the digest before it (posted at `since`, ms), one line each. */
  whatsNew?: { since: number; lines: string[] } | undefined;
}

/** "2025-06-10 12:00 UTC". */
const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const esc = (s: string): string => htmlEscape(visible(s));
/** Only web addresses become links: anything else (`javascript:`, `data:`) is shown as text. */
const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined);

/**
 * How much one page holds: past these a page of a very large set would be megabytes no one reads.
 * Each cut is said on the page, with how to narrow it (a topic or words).
 */
export const PAGE_LIMITS = { figures: 60, quotes: 3, cites: 6, charts: 20, actors: 40, questions: 40, rows: 12, points: 30 } as const;

/** The source list's lookups. */
interface Refs {
  /** The sources the page cites, so its source list can be just those. */
  cited: Set<string>;
  /** "[2] AP" linking to the source's entry. */
  cite(file: string): string;
  /**
   * Citations of a list's sources (files or sentences) from item `from` on: the first few, each
   * once and none of those before `from`, then how many others.
   */
  cites(list: readonly (string | Evidence)[], from?: number): string;
  /** The source's short name for a chart: its outlet, else its number and headline. */
  label(file: string): string;
  /** The article's own web address, when it has one that may be a link. */
  url(file: string): string | undefined;
}

const fileOf = (x: string | Evidence | undefined): string => (x === undefined ? '' : typeof x === 'string' ? x : x.file);

// A figure's, actor's or question's source list is one object shared by every briefing of its set:
// how many files it holds is counted once.
const uniqueCounts = new WeakMap<object, number>();
function uniqueFiles(list: readonly (string | Evidence)[]): number {
  let n = uniqueCounts.get(list);
  if (n === undefined) uniqueCounts.set(list, (n = new Set(list.map(fileOf)).size));
  return n;
}

// A set's source list is one object shared by its briefings: its lookup is built once.
const lookups = new WeakMap<readonly SourceRef[], Map<string, SourceRef>>();

function refsOf(sources: readonly SourceRef[]): Refs {
  let byFile = lookups.get(sources);
  if (!byFile) lookups.set(sources, (byFile = new Map(sources.map((s) => [s.file, s]))));
  const known = byFile;
  const cited = new Set<string>();
  const cite = (file: string): string => {
    const s = known.get(file);
    cited.add(file);
    return s ? `<a href="#source-${String(s.n)}">[${String(s.n)}]${s.outlet ? ` ${esc(s.outlet)}` : ''}</a>` : esc(file);
  };
  return {
    cited,
    cite,
    cites(list, from = 0) {
      const seen = new Set<string>();
      for (let i = 0; i < from && i < list.length; i++) seen.add(fileOf(list[i]));
      const first: string[] = [];
      for (let i = from; i < list.length && first.length < PAGE_LIMITS.cites; i++) {
        const f = fileOf(list[i]);
        if (!seen.has(f)) {
          seen.add(f);
          first.push(f);
        }
      }
      // The others are counted, not cited: a measure of a large set has thousands of sources.
      const more = first.length < PAGE_LIMITS.cites ? 0 : uniqueFiles(list) - seen.size;
      return `${first.map(cite).join(', ')}${more > 0 ? ` and ${String(more)} more` : ''}`;
    },
    url: (file) => safeUrl(known.get(file)?.url),
    label(file) {
      const s = known.get(file);
      if (!s) return file;
      return s.outlet ?? `[${String(s.n)}] ${s.headline}`;
    },
  };
}

/** Where the figure's number is in a sentence: its text as written, else the first number of the same value. */
function numberSpan(quote: string, f: Figure): [number, number] | undefined {
  const at = quote.indexOf(f.text);
  if (at >= 0 && f.text) return [at, at + f.text.length];
  for (const m of quote.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    if (Number(m[0].replaceAll(',', '')) === f.value) return [m.index, m.index + m[0].length];
  }
  return undefined;
}

/** A source's sentence with the figure's number marked. */
function quoteWithNumber(e: Evidence, f: Figure | undefined, refs: Refs): string {
  const span = f ? numberSpan(e.quote, f) : undefined;
  const body = span ? `${esc(e.quote.slice(0, span[0]))}<mark>${esc(e.quote.slice(span[0], span[1]))}</mark>${esc(e.quote.slice(span[1]))}` : esc(e.quote);
  const url = refs.url(e.file);
  const link = url ? ` · <a href="${esc(url)}" rel="noreferrer noopener">the article</a>` : '';
  return `<blockquote>“${body}”</blockquote><cite>${refs.cite(e.file)}${link}</cite>`;
}

const KIND_WORDS: Record<Conflict['kind'], string> = {
  contradiction: 'Contradiction: the values cannot all be right.',
  rounding: 'Rounding: the values agree once rounded.',
  bounds: 'Bounds: the values differ, but a bound allows both.',
};

function figureItem(f: Figure, refs: Refs, conflict: Conflict | undefined): string {
  const period = f.period ? ` · ${esc(f.period)}` : '';
  const quotes = f.sources
    .slice(0, PAGE_LIMITS.quotes)
    .map((e) => `<li>${quoteWithNumber(e, f, refs)}</li>`)
    .join('');
  const also = f.sources.length > PAGE_LIMITS.quotes ? `<li><p class="meta">Also in ${refs.cites(f.sources, PAGE_LIMITS.quotes)}</p></li>` : '';
  const flag = conflict ? ` <span class="flag">${conflict.kind === 'contradiction' ? '⚠ sources disagree' : '≈ sources differ'}</span>` : '';
  return (
    `<li><p><span class="value">${esc(figureValue(f))}</span> — ${esc(f.metric)}<span class="period">${period}</span>${flag}</p>` +
    `<ul class="items">${quotes}${also}</ul></li>`
  );
}

function figuresSection(b: Briefing, refs: Refs): string {
  const present = new Set(b.figures);
  const done = new Set<Figure>();
  const items: string[] = [];
  let hidden = 0;
  for (const line of figureLines(b)) {
    if (items.length >= PAGE_LIMITS.figures) {
      hidden += line.count;
      continue;
    }
    const group = line.conflict ? [line.figure, ...line.conflict.figures.filter((g) => g !== line.figure && present.has(g))] : [line.figure];
    for (const f of group) {
      if (done.has(f)) continue;
      done.add(f);
      items.push(figureItem(f, refs, line.conflict));
    }
  }
  if (!items.length) return '';
  const more = hidden ? `<p class="meta">${String(hidden)} more figures are not shown: a topic or words narrow the page.</p>` : '';
  return `<section id="figures" aria-labelledby="figures-h"><h2 id="figures-h">Key figures</h2><ol class="items">${items.join('')}</ol>${more}</section>`;
}

const W = 360;
const round = (n: number): string => String(Math.round(n * 10) / 10);
const clipLabel = (s: string, k: number): string => (s.length <= k ? s : `${s.slice(0, k - 1)}…`);

/** A dot plot of a conflict: one row and one mark per source, each row labelled with the source's outlet above its mark. */
function conflictChart(all: Conflict, i: number, refs: Refs): string {
  // The values most sources give, when there are more than a chart holds.
  const values = [...all.values].sort((x, y) => y.sources.length - x.sources.length).slice(0, PAGE_LIMITS.rows);
  const c = { ...all, values: all.values.filter((v) => values.includes(v)) };
  const unshown = all.values.length - c.values.length;
  // One row a source; with many sources, one row a value, named by its first source and how many more.
  const perSource = c.values.reduce((n, v) => n + v.sources.length, 0) <= PAGE_LIMITS.rows;
  const rows = perSource
    ? c.values.flatMap((v) => v.sources.map((file) => ({ value: v.value, text: v.text, file, label: refs.label(file) })))
    : c.values.map((v) => ({
        value: v.value,
        text: v.text,
        file: v.sources[0] ?? '',
        label: `${refs.label(v.sources[0] ?? '')}${v.sources.length > 1 ? ` and ${String(v.sources.length - 1)} more` : ''}`,
      }));
  const marked = rows.map((r) => r.value);
  const [lo, hi] = [Math.min(...marked), Math.max(...marked)];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  const [x0, x1] = [12, W - 90];
  const x = (v: number): number => x0 + ((v - (lo - pad)) / (hi + pad - (lo - pad))) * (x1 - x0);
  const rowH = 40;
  const h = rows.length * rowH + 12;
  const id = `conflict-${String(i)}`;
  const said = rows.map((r) => `${r.label}: ${r.text}`).join('; ');
  const marks = rows
    .map((r, k) => {
      const y = k * rowH;
      const other = r.value !== rows[0]?.value;
      return (
        `<g class="row"><text x="0" y="${String(y + 13)}">${esc(clipLabel(r.label, 44))}</text>` +
        `<line class="axis" x1="${String(x0)}" y1="${String(y + 27)}" x2="${String(x1)}" y2="${String(y + 27)}"/>` +
        `<circle class="mark${other ? ' other' : ''}" cx="${round(x(r.value))}" cy="${String(y + 27)}" r="6">` +
        `<title>${esc(`${r.label}: ${r.text}`)}</title></circle>` +
        `<text x="${round(x(r.value) + 10)}" y="${String(y + 31)}">${esc(clipLabel(r.text, 14))}</text></g>`
      );
    })
    .join('');
  const svg =
    `<svg viewBox="0 0 ${String(W)} ${String(h)}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(`${c.metric}${c.period ? `, ${c.period}` : ''}: ${c.kind}`)}</title>` +
    `<desc id="${id}-d">${esc(said)}</desc>${marks}</svg>`;
  const list = c.values.map((v) => `<li>${esc(v.text)}: ${refs.cites(v.sources)}</li>`).join('') + (unshown ? `<li>${String(unshown)} more values</li>` : '');
  return (
    `<figure class="conflict" id="${id}"><figcaption><h3>${esc(c.metric)}${c.period ? ` · ${esc(c.period)}` : ''}</h3>` +
    `<p>${esc(KIND_WORDS[c.kind])}</p></figcaption>${svg}<ul>${list}</ul></figure>`
  );
}

/** A measure over time: each moment's values left to right, a line through the first value of each, every mark with its source. */
function timelineChart(t: Timeline, i: number, refs: Refs): string {
  const base = (f: Figure): number => f.value * (f.typed?.unit.toBase ?? 1);
  const all = t.points.flatMap((p) => p.figures.map(base));
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
  const h = 170;
  const [x0, x1, y0, y1] = [30, W - 30, 24, h - 40];
  const step = t.points.length > 1 ? (x1 - x0) / (t.points.length - 1) : 0;
  const x = (k: number): number => (t.points.length > 1 ? x0 + k * step : (x0 + x1) / 2);
  const y = (v: number): number => y1 - ((v - (lo - pad)) / (hi + pad - (lo - pad))) * (y1 - y0);
  const id = `timeline-${String(i)}`;
  const path = t.points
    .map((p, k) => {
      const f = p.figures[0];
      return f ? `${k ? 'L' : 'M'}${round(x(k))} ${round(y(base(f)))}` : '';
    })
    .join(' ');
  const marks = t.points
    .map(
      (p, k) =>
        p.figures
          .map((f, j) => {
            const cites = f.sources.map((s) => refs.label(s.file)).join(', ');
            return (
              `<circle class="mark${j ? ' other' : ''}" cx="${round(x(k))}" cy="${round(y(base(f)))}" r="5">` +
              `<title>${esc(`${p.period}: ${figureValue(f)} (${cites})`)}</title></circle>` +
              (j ? '' : `<text x="${round(x(k))}" y="${round(y(base(f)) - 10)}" text-anchor="middle">${esc(clipLabel(f.text, 12))}</text>`)
            );
          })
          .join('') + `<text x="${round(x(k))}" y="${String(h - 22 + (k % 2) * 14)}" text-anchor="middle">${esc(clipLabel(p.period, 16))}</text>`,
    )
    .join('');
  const said = t.points
    .map((p) => `${p.period}: ${p.figures.map((f) => `${figureValue(f)} (${f.sources.map((s) => refs.label(s.file)).join(', ')})`).join(' or ')}`)
    .join('; ');
  const svg =
    `<svg viewBox="0 0 ${String(W)} ${String(h)}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(`${t.metric} over time`)}</title><desc id="${id}-d">${esc(said)}</desc>` +
    `<line class="axis" x1="${String(x0)}" y1="${String(y1 + 8)}" x2="${String(x1)}" y2="${String(y1 + 8)}"/><path class="path" d="${path}"/>${marks}</svg>`;
  const list = t.points
    .map((p) => `<li>${esc(p.period)}: ${p.figures.map((f) => `${esc(figureValue(f))} ${refs.cites(f.sources)}`).join(' · ')}</li>`)
    .join('');
  return `<figure class="timeline" id="${id}"><figcaption><h3>${esc(t.metric)}</h3></figcaption>${svg}<ol>${list}</ol></figure>`;
}

function evidenceDetails(sources: readonly Evidence[], refs: Refs): string {
  if (!sources.length) return '';
  const quotes = sources
    .slice(0, PAGE_LIMITS.quotes)
    .map((e) => `<li>${quoteWithNumber(e, undefined, refs)}</li>`)
    .join('');
  return `<details><summary>${String(sources.length)} source sentence${sources.length > 1 ? 's' : ''}</summary><ul class="items">${quotes}</ul></details>`;
}

function actorItem(a: Actor, refs: Refs): string {
  const aka = a.aliases.filter((x) => x !== a.name);
  return (
    `<li><p>${esc(actorText(a))}${aka.length ? ` <span class="meta">(also ${esc(aka.join(', '))})</span>` : ''}</p>` +
    `<p class="meta">${refs.cites(a.files.length ? a.files : a.sources)}</p>${evidenceDetails(a.sources, refs)}</li>`
  );
}

function questionItem(q: Question, refs: Refs): string {
  const also = q.sources.length > PAGE_LIMITS.quotes ? `<p class="meta">Also in ${refs.cites(q.sources, PAGE_LIMITS.quotes)}</p>` : '';
  return `<li><p>${esc(q.question)}</p>${q.sources
    .slice(0, PAGE_LIMITS.quotes)
    .map((e) => quoteWithNumber(e, undefined, refs))
    .join('')}${also}</li>`;
}

function sourceItem(s: SourceRef): string {
  const url = safeUrl(s.url);
  const date = s.published ? `${esc(s.published)}${s.dateInferred ? ' <span class="meta">(date inferred)</span>' : ''}` : 'date unknown';
  const headline = url ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(s.headline)}</a>` : esc(s.headline);
  return (
    `<li id="source-${String(s.n)}"><p>[${String(s.n)}] ${s.outlet ? `${esc(s.outlet)} — ` : ''}${headline}</p>` +
    `<p class="meta">${date} · ${esc(s.file)}${s.url && !url ? ` · ${esc(s.url)}` : ''}</p></li>`
  );
}

const section = (id: string, title: string, body: string): string =>
  body ? `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>${body}</section>` : '';

// The span of a set's publication dates, worked out once per source list.
const ranges = new WeakMap<readonly SourceRef[], string>();

/** The briefing as a complete HTML page. */
export function renderPage(b: Briefing, opts: PageOptions): string {
  const refs = refsOf(b.sources);
  const title = `${b.title}${b.topic ? ` — ${b.topic.label}` : ''}`;
  let range = ranges.get(b.sources);
  if (range === undefined) ranges.set(b.sources, (range = publishedRange(b.sources) ?? ''));
  const newLines = opts.whatsNew?.lines ?? [];
  // Figures first: the source list at the end lists the sources the page cites.
  const figures = figuresSection(b, refs);
  const capped = <T>(xs: readonly T[], k: number, item: (x: T) => string, what: string): string =>
    xs.length
      ? `<ul class="items">${xs.slice(0, k).map(item).join('')}</ul>` +
        (xs.length > k ? `<p class="meta">${String(xs.length - k)} more ${what} are not shown: a topic or words narrow the page.</p>` : '')
      : '';
  const parts: [string, string, string][] = [
    [
      'whats-new',
      `What's new since ${opts.whatsNew ? utc(opts.whatsNew.since) : ''}`,
      newLines.length ? `<ul>${newLines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : opts.whatsNew ? '<p>Nothing new.</p>' : '',
    ],
    [
      'disagreements',
      'Where sources disagree',
      b.conflicts
        .slice(0, PAGE_LIMITS.charts)
        .map((c, i) => conflictChart(c, i, refs))
        .join(''),
    ],
    [
      'timelines',
      'Over time',
      (b.timelines ?? [])
        .slice(0, PAGE_LIMITS.charts)
        .map((t, i) => timelineChart({ ...t, points: t.points.slice(-PAGE_LIMITS.points).map((p) => ({ ...p, figures: p.figures.slice(0, 3) })) }, i, refs))
        .join(''),
    ],
    ['passages', 'Passages', capped(b.passages ?? [], PAGE_LIMITS.questions, (p) => `<li>${quoteWithNumber(p, undefined, refs)}</li>`, 'passages')],
    ['actors', 'Actors', capped(coreFirst(b.actors), PAGE_LIMITS.actors, (a) => actorItem(a, refs), 'actors')],
    ['questions', 'Open questions', capped(b.questions, PAGE_LIMITS.questions, (q) => questionItem(q, refs), 'questions')],
  ];
  const listed = b.sources.length > PAGE_LIMITS.figures ? b.sources.filter((x) => refs.cited.has(x.file)) : b.sources;
  const unlisted = b.sources.length - listed.length;
  parts.push([
    'sources',
    'Sources',
    listed.length
      ? `<ol class="items">${listed.map(sourceItem).join('')}</ol>` +
        (unlisted ? `<p class="meta">${String(unlisted)} more sources are not cited on this page.</p>` : '')
      : '',
  ]);
  const shown = parts.filter(([, , body]) => body);
  const nav = [...(figures ? [['figures', 'Key figures']] : []), ...shown.map(([id, name]) => [id, name])]
    .map(([id = '', name = '']) => `<li><a href="#${id}">${name.replace(/ since .*/, '')}</a></li>`)
    .join('');
  const empty =
    figures || shown.some(([id]) => id !== 'sources')
      ? ''
      : `<p>${b.topic ? `Nothing in these articles bears on ${esc(b.topic.label)}.` : 'Nothing found in these articles.'}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="meta">${plural(b.sources.length, 'source')}${range ? `, published ${esc(range)}` : ''}</p></header>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
<main>${empty}${figures}${shown.map(([id, name, body]) => section(id, name, body)).join('')}</main>
<footer><p>Made by Sitrep on ${utc(opts.generatedAt)} from the articles listed. Every item quotes the sentence it came from.</p></footer>
</body>
</html>
`;
}
