/**
 * A briefing as Block Kit: header, when the articles were published, key figures with conflicts
 * flagged, passages, actors, open questions and the numbered sources they cite. Items are admitted
 * in order of importance while the message's text budget lasts, so a briefing of any size fits.
 */
import type { Briefing, Figure, SourceRef } from '../../core/model.js';
import {
  actorText,
  conflictMarker,
  coreFirst,
  figureLines,
  figureValue,
  publishedRange,
  sourceDate,
  sourceNumbers,
  timelineMarker,
  type FigureLine,
} from '../parts.js';
import { SLACK_LIMITS, type SlackBlock } from './assertions.js';
import { clip, escapeMrkdwn as esc, link } from './escape.js';
import { context, header, listSections, more, section, type Budget } from './layout.js';

/** How many of each section a Slack briefing shows at most: about one screen. */
const SLACK_SHOWN = { figures: 6, passages: 3, actors: 5, questions: 3, refs: 3 } as const;

/** Raw characters an item's parts may take before escaping, so one item never fills a section. */
const RAW = { item: 240, role: 80, headline: 110, outlet: 40 } as const;

/** A line of a list and the source numbers it cites. */
interface Item {
  line: string;
  cites: number[];
}

/** The briefing's blocks (without buttons) and a one-line plain summary for notifications. */
export interface BriefingLayout {
  blocks: SlackBlock[];
  summary: string;
}

/** Lays out `b` in at most `budget` characters of block text. */
export function briefingLayout(b: Briefing, budget: number = SLACK_LIMITS.blocksText): BriefingLayout {
  const number = sourceNumbers(b.sources);
  /** `[1][2][3]+4` for the files behind `key` (an item's source list, cached by identity); pushes the shown numbers to `into`. */
  const refs = (key: object, files: () => readonly string[], into: number[]): string => {
    const ns = citedNumbers(number, key, files);
    const shown = ns.slice(0, SLACK_SHOWN.refs);
    into.push(...shown);
    return `${shown.map((n) => `[${n}]`).join('')}${ns.length > shown.length ? `+${ns.length - shown.length}` : ''}`;
  };

  const title = `${b.title}${b.topic ? ` — ${b.topic.label}` : ''}`;
  const top = [header(title), ...context([publishedLine(b.sources)])];
  // Room for the section titles, the "more" line and the caller's button and context.
  const wallet: Budget = { left: budget - title.length - 600 };
  const cited = new Set<number>();
  const sourceLines = new Map<number, string>();
  const sourceLine = (n: number): string => {
    let line = sourceLines.get(n);
    if (line === undefined) sourceLines.set(n, (line = sourceText(sourceNumbered(b.sources, n), n)));
    return line;
  };
  /** Admits an item if it and the source lines it adds fit what is left. */
  const admit = (item: Item): boolean => {
    const added = [...new Set(item.cites)].filter((n) => !cited.has(n));
    const cost = item.line.length + 1 + added.reduce((a, n) => a + sourceLine(n).length + 1, 0);
    if (cost > wallet.left) return false;
    wallet.left -= cost;
    for (const n of added) cited.add(n);
    return true;
  };

  const lines = figureLines(b);
  const figures = fill(lines.slice(0, SLACK_SHOWN.figures), (l) => figureItem(l, refs), admit);
  const passages = fill(
    (b.passages ?? []).slice(0, SLACK_SHOWN.passages),
    (p) => {
      const cites: number[] = [];
      return { line: `• “${esc(clip(p.quote, RAW.item))}” ${refs(p, () => [p.file], cites)}`, cites };
    },
    admit,
  );
  const questions = fill(
    b.questions.slice(0, SLACK_SHOWN.questions),
    (q) => {
      const cites: number[] = [];
      return { line: `• ${esc(clip(q.question, RAW.item))} ${refs(q.sources, () => q.sources.map((e) => e.file), cites)}`, cites };
    },
    admit,
  );
  const actorList = coreFirst(b.actors);
  const actors = fill(
    actorList.slice(0, SLACK_SHOWN.actors),
    (a) => {
      const cites: number[] = [];
      const text = actorText({ ...a, name: clip(a.name, RAW.role), role: clip(a.role, RAW.role) });
      const sources = a.files.length ? refs(a.files, () => a.files, cites) : refs(a.sources, () => a.sources.map((e) => e.file), cites);
      return { line: `• ${esc(text)} ${sources}`, cites };
    },
    admit,
  );

  const hiddenFigures = lines.reduce((n, l) => n + l.count, 0) - figures.shown.reduce((n, l) => n + l.count, 0);
  const hidden = [
    hiddenFigures ? more(hiddenFigures, 'figure') : '',
    b.passages && b.passages.length > passages.items.length ? more(b.passages.length - passages.items.length, 'passage') : '',
    actorList.length > actors.items.length ? more(actorList.length - actors.items.length, 'actor') : '',
    b.questions.length > questions.items.length ? more(b.questions.length - questions.items.length, 'question') : '',
  ].filter(Boolean);

  const sections = [
    ['*Key figures*', figures],
    ['*Passages*', passages],
    ['*Actors*', actors],
    ['*Open questions*', questions],
  ] as const;
  const body = sections.flatMap(([title, kept]) =>
    listSections(
      title,
      kept.items.map((i) => i.line),
    ),
  );
  if (!body.length)
    body.push(section(b.topic ? `Nothing in these articles bears on *${esc(clip(b.topic.label, RAW.item))}*.` : 'Nothing found in these articles.'));
  const sources = listSections('*Sources*', [...cited].sort((x, y) => x - y).map(sourceLine));
  const blocks = [...top, ...body, ...sources, ...context(hidden.length ? [`+${hidden.join(', +')} not shown`] : [])];
  return { blocks, summary: summaryOf(title, lines[0]?.figure, lines[0]?.conflict !== undefined) };
}

/** Builds items in order and admits those that fit; `shown` are the inputs behind the admitted items. */
function fill<T>(xs: T[], toItem: (x: T) => Item, admit: (i: Item) => boolean): { items: Item[]; shown: T[] } {
  const items: Item[] = [];
  const shown: T[] = [];
  for (const x of xs) {
    const item = toItem(x);
    if (!admit(item)) continue;
    items.push(item);
    shown.push(x);
  }
  return { items, shown };
}

/** A key figure's line; a conflict's values follow on a line of their own, in bold, so it stands out. */
function figureItem({ figure: f, conflict: c, timeline: t }: FigureLine, refs: (key: object, files: () => readonly string[], into: number[]) => string): Item {
  const cites: number[] = [];
  const period = f.period && f.period !== 'undated' ? `, ${f.period}` : '';
  let line =
    `• *${esc(clip(figureValue(f), RAW.item))}* — ${esc(clip(`${f.metric}${period}`, RAW.item))} ` + refs(f.sources, () => f.sources.map((e) => e.file), cites);
  if (c) {
    const marker = esc(
      clip(
        conflictMarker(c, (files) => refs(files, () => files, cites)),
        RAW.item,
      ),
    );
    line += c.kind === 'contradiction' ? `\n      *${marker}*` : `\n      _${marker}_`;
  }
  const course = t ? timelineMarker(t, (files) => refs(files, () => files, cites)) : undefined;
  if (course) line += `\n      ${esc(clip(course, RAW.item))}`;
  return { line, cites };
}

/** `[2] <url|Outlet — Headline> · 2025-02-09`: linked when the article has a URL. */
function sourceText(s: SourceRef | undefined, n: number): string {
  if (!s) return `[${n}]`;
  const label = `${s.outlet ? `${clip(s.outlet, RAW.outlet)} — ` : ''}${clip(s.headline || s.file, RAW.headline)}`;
  const date = sourceDate(s);
  return `[${n}] ${link(s.url, label)}${date ? ` · ${date}` : ''}`;
}

// A set's source list and its items' source lists are the same objects in every briefing of it:
// what is derived from them is computed once. At 10,000 articles this is most of a reply's cost.
const citeCache = new WeakMap<ReadonlyMap<string, number>, WeakMap<object, number[]>>();
const publishedCache = new WeakMap<readonly SourceRef[], string>();

/** The distinct source numbers of `files`, ascending; cached by the identity of `key`. */
function citedNumbers(number: ReadonlyMap<string, number>, key: object, files: () => readonly string[]): number[] {
  let byKey = citeCache.get(number);
  if (!byKey) citeCache.set(number, (byKey = new WeakMap()));
  let ns = byKey.get(key);
  if (!ns) {
    ns = [
      ...new Set(
        files()
          .map((f) => number.get(f))
          .filter((n): n is number => n !== undefined),
      ),
    ].sort((x, y) => x - y);
    byKey.set(key, ns);
  }
  return ns;
}

/** Source `n` of the list (numbered from 1 in order, as sets number them; searched otherwise). */
const sourceNumbered = (sources: readonly SourceRef[], n: number): SourceRef | undefined => {
  const s = sources[n - 1];
  return s?.n === n ? s : sources.find((x) => x.n === n);
};

/** "5 articles · published 2025-02-09" or "… published 2025-02-01 to 2025-02-28". */
function publishedLine(sources: readonly SourceRef[]): string {
  let line = publishedCache.get(sources);
  if (line === undefined) publishedCache.set(sources, (line = describePublished(sources)));
  return line;
}

function describePublished(sources: readonly SourceRef[]): string {
  const count = `${sources.length.toLocaleString('en-US')} article${sources.length === 1 ? '' : 's'}`;
  const range = publishedRange(sources);
  return range ? `${count} · published ${range}` : `${count} · publication dates unknown`;
}

/** The notification text: the title and the leading figure. */
function summaryOf(title: string, f: Figure | undefined, conflict: boolean): string {
  if (!f) return esc(clip(title, 300));
  const period = f.period && f.period !== 'undated' ? `, ${f.period}` : '';
  return esc(clip(`${title}: ${figureValue(f)} — ${f.metric}${period}${conflict ? ' (sources disagree)' : ''}`, 300));
}
