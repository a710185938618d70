/**
 * "What's new" on a development set split by date: the articles of the set's last day arrive after a
 * digest that covered the earlier ones. Scored against the set's gold: the change lines should be
 * gold figures from the new articles, lead with the story's key numbers, and call nothing a revision
 * that the gold does not set against it (another period or another measure is no correction).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSetDates } from '../src/core/articles/dates.js';
import { parseArticle } from '../src/core/articles/parse.js';
import { changesSince, coverageOf, type CurrentState } from '../src/core/briefing/changes.js';
import { brief, buildSet } from '../src/core/briefing/set.js';
import type { Article } from '../src/core/model.js';

interface GoldFigure {
  value: number;
  salience?: string;
  sources: { file: string }[];
}
interface Gold {
  figures?: GoldFigure[];
  conflicts?: { values: ({ value: number } | number)[] }[];
}

/** One set's split and how its "what's new" scored. */
export interface SplitScore {
  set: string;
  /** The day the new articles are from, and how many there are of the set's. */
  day: string;
  fresh: number;
  total: number;
  /** Change lines (new figures, timeline points, revisions), and how many are gold figures of the new articles. */
  lines: number;
  inGold: number;
  /** Of the first three lines, how many are the gold's key figures. */
  keyFirst: number;
  /** Revisions, and those no gold conflict holds both values of: false corrections. */
  revised: number;
  falseRevisions: string[];
  answered: number;
}

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(b) * 0.005 + 1e-9;

function state(articles: Article[]): CurrentState {
  const set = buildSet({ title: 'split', topics: [], articles });
  const r = brief(set);
  if (!r.ok) throw new Error(`eval: no briefing (${r.error.code})`);
  return { briefing: r.value, keys: new Map(articles.map((a) => [a.file, a.file])), sentences: set.sentences };
}

/** Splits a set at its last day and scores the changes the new day's articles bring; undefined when the set has one day. */
export function scoreSplit(name: string, dir: string, goldFile: string): SplitScore | undefined {
  const files = readdirSync(dir)
    .filter((f) => /\.(?:txt|md)$/.test(f))
    .sort();
  const articles = resolveSetDates(files.map((f) => parseArticle(f, readFileSync(join(dir, f), 'utf8'))));
  const day =
    articles
      .map((a) => a.published?.iso ?? '')
      .sort()
      .at(-1) ?? '';
  const early = articles.filter((a) => (a.published?.iso ?? '') < day);
  const late = new Set(articles.filter((a) => a.published?.iso === day).map((a) => a.file));
  if (!early.length || !late.size) return undefined;
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  const changes = changesSince(coverageOf(state(early), `${day}T00:00:00.000Z`), state(articles));
  const goldOf = (value: number, sources: string[]): GoldFigure | undefined =>
    gold.figures?.find((g) => sameValue(value, g.value) && g.sources.some((s) => sources.includes(s.file) && late.has(s.file)));
  const matched = changes.figures.map((c) =>
    goldOf(
      c.figure.value,
      c.figure.sources.map((s) => s.file),
    ),
  );
  const together = (a: number, b: number): boolean =>
    (gold.conflicts ?? []).some((c) => {
      const values = c.values.map((v) => (typeof v === 'number' ? v : v.value));
      return values.some((v) => sameValue(a, v)) && values.some((v) => sameValue(b, v));
    });
  const revisions = changes.figures.filter((c) => c.kind === 'revised');
  return {
    set: name,
    day,
    fresh: late.size,
    total: articles.length,
    lines: changes.figures.length,
    inGold: matched.filter(Boolean).length,
    keyFirst: matched.slice(0, 3).filter((g) => g?.salience === 'key' || g?.salience === 'major').length,
    revised: revisions.length,
    falseRevisions: revisions
      .filter((c) => !(c.previous?.values ?? []).some((p) => together(c.figure.value, p.value)))
      .map((c) => `${c.figure.metric}, ${c.figure.period}: ${c.figure.text} (was ${(c.previous?.values ?? []).map((p) => p.text).join(' or ')})`),
    answered: changes.answered.length,
  };
}

/** The split scores as a markdown table. */
export function splitTable(scores: SplitScore[]): string {
  const head = ['set', 'new day', 'new articles', 'change lines', 'gold figures', 'key in first 3', 'revisions', 'false revisions', 'answered'];
  const body = scores.map((s) => [
    s.set,
    s.day,
    `${s.fresh} of ${s.total}`,
    String(s.lines),
    String(s.inGold),
    String(s.keyFirst),
    String(s.revised),
    String(s.falseRevisions.length),
    String(s.answered),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
