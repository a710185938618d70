/** A briefing as one Discord embed: figures with conflicts flagged, passages, actors, questions, cited sources, a footer. */
import type { Briefing, Evidence, SourceRef } from '../../core/model.js';
import { sourceIndex } from './citations.js';
import { actorText, conflictMarker, coreFirst, figureLines, figureValue, sourceDate, timelineMarker } from '../parts.js';
import type { DiscordEmbed } from './assertions.js';
import { clip, fitLines, md } from './fit.js';
import { oneLine, plural } from '../../core/text.js';

/**
 * What a briefing embed shows before "+N more", and the characters each part may use. The parts
 * add up to under Discord's 6000 per message (with the field names), so no briefing can overflow.
 */
export const BRIEFING_BUDGET = {
  figures: { count: 6, chars: 2100 },
  passages: { count: 3, chars: 800 },
  actors: { count: 5, chars: 700 },
  questions: { count: 3, chars: 800 },
  sources: 1000,
  footer: 200,
  /** No single item may take more than this, so one long quote cannot crowd out the rest. */
  item: 400,
} as const;

/** The accent colour of Sitrep's embeds. */
export const EMBED_COLOR = 0x2f6f9f;

const more = (n: number, word: string): string => (n ? `+${plural(n, `more ${word}`)}` : '');

/** The longest source line: a headline linked to its article, with its outlet and date. */
const SOURCE_LINE = 200;

/** A source as one line: number, outlet, headline (linked when its URL is known), date. */
export function sourceLine(s: SourceRef, max = SOURCE_LINE): string {
  // Parentheses end a markdown link's address early; encodeURIComponent leaves them as they are.
  const url = s.url && /^https?:\/\/[^\s]+$/.test(s.url) ? s.url.replace(/\(/g, '%28').replace(/\)/g, '%29') : undefined;
  const date = sourceDate(s);
  const head = `[${String(s.n)}] ${s.outlet ? `${md(clip(s.outlet, 60))} — ` : ''}`;
  const tail = date ? ` (${date})` : '';
  // The line is fitted here, whole: clipping it later could cut inside the link and break it.
  const linked = url ? max - head.length - tail.length - url.length - 4 : 0;
  if (url && linked >= 20) return `${head}[${mdWithin(s.headline, Math.min(120, linked))}](${url})${tail}`;
  return `${head}${mdWithin(s.headline, Math.max(1, Math.min(120, max - head.length - tail.length)))}${tail}`;
}

/** `text` clipped and escaped for Discord markdown in at most `budget` characters, escapes counted. */
function mdWithin(text: string, budget: number): string {
  let n = budget;
  let out = md(clip(text, n));
  while (out.length > budget && n > 1) {
    n -= out.length - budget;
    out = md(clip(text, Math.max(1, n)));
  }
  return out;
}

/** The briefing's embed; shortened to fit, never failing. */
export function briefingEmbed(b: Briefing): DiscordEmbed {
  const index = sourceIndex(b.sources);
  const refs = (list: readonly (string | Evidence)[]): string => index.cite(list);
  const { figures: F, passages: P, actors: A, questions: Q, item } = BRIEFING_BUDGET;

  const lines = figureLines(b);
  const shownFigures = lines.slice(0, F.count);
  const restFigures = lines.slice(F.count).reduce((n, l) => n + l.count, 0);
  const figureTexts = shownFigures.map(({ figure: f, conflict: c, timeline: t }) => {
    const period = f.period && f.period !== 'undated' ? `, ${md(f.period)}` : '';
    const line = `• **${md(figureValue(f))}** — ${md(f.metric)}${period} ${refs(f.sources)}`;
    // The values are article text, the rest of the marker is ours (and its [n] must stay findable).
    const disputed = c ? `\n  ${conflictMarker({ ...c, values: c.values.map((v) => ({ ...v, text: md(v.text) })) }, refs)}` : '';
    const course = t ? timelineMarker(t, refs) : undefined;
    return `${line}${disputed}${course ? `\n  ${md(course)}` : ''}`;
  });
  const hiddenFigures = (k: number): number => restFigures + shownFigures.slice(shownFigures.length - k).reduce((n, l) => n + l.count, 0);
  const heading = '**Key figures**\n';
  const figureBlock =
    figureTexts.length || restFigures ? `${heading}${fitLines(figureTexts, F.chars - heading.length, (k) => more(hiddenFigures(k), 'figure'), item)}` : '';

  const section = <T>(xs: T[], limit: { count: number; chars: number }, word: string, line: (x: T) => string): string =>
    fitLines(xs.slice(0, limit.count).map(line), limit.chars, (k) => more(k + Math.max(0, xs.length - limit.count), word), item);
  const passages = section(b.passages ?? [], P, 'passage', (p) => `• “${md(clip(oneLine(p.quote), item))}” ${refs([p.file])}`);
  const actors = section(coreFirst(b.actors), A, 'actor', (a) => `• ${md(clip(actorText(a), 160))} ${refs(a.files.length ? a.files : a.sources)}`);
  const questions = section(b.questions, Q, 'question', (q) => `• ${md(q.question)} ${refs(q.sources)}`);

  const about = b.topic ? md(b.topic.label) : undefined;
  const description = figureBlock || (passages || actors || questions ? '' : `Nothing in these articles bears on ${about ?? 'this subject'}.`);
  // Cite in the Sources field exactly the numbers the embed shows.
  const shown = [description, passages, actors, questions].join('\n');
  const cited = new Set([...shown.matchAll(/(?<!\\)\[(\d+)\]/g)].map((m) => Number(m[1])));
  const sourceLines = [...cited]
    .sort((x, y) => x - y)
    .map((n) => index.byNumber.get(n))
    .filter((s): s is SourceRef => s !== undefined)
    .map((s) => sourceLine(s, SOURCE_LINE));
  const sources = fitLines(sourceLines, BRIEFING_BUDGET.sources, (k) => more(k, 'source'), SOURCE_LINE, { whole: true });

  const fields = [
    { name: 'Passages', value: passages },
    { name: 'Actors', value: actors },
    { name: 'Open questions', value: questions },
    { name: 'Sources', value: sources },
  ].filter((f) => f.value);
  return {
    title: clip(about ? `${b.title} — ${about}` : b.title, 256),
    color: EMBED_COLOR,
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
    footer: { text: clip(`${plural(b.sources.length, 'article')} · ${index.dates}`, BRIEFING_BUDGET.footer) },
  };
}
