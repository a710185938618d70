/** Parses an article file's text into headline, metadata and body paragraphs without page furniture. */
import type { Article, Furniture, Paragraph, SourceMeta } from '../model.js';
import { LIST_HEADING, datelineOf, furnitureReason, isListItem, looksLikeCaption, repeatsHeadline } from './furniture.js';
import { calendarProblem, dateHintOf, parseDate, urlDate } from './dates.js';

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: m.index + lead });
  }
  return out;
}

/** A copyright notice after a paragraph's last sentence, on the same line. */
const TRAILING_COPYRIGHT = /(?<=[.!?"”’])\s+[-–—]\s*(?:Copyright|©)\s[^.!?]{0,80}\b(?:19|20)\d\d\.?\s*$/;

/** How a line that finishes a sentence or a heading ends; a line that ends otherwise may go on in the next. */
const CLOSED_END = /[.!?…:;"”’')\]|]$/;
/** How a line ends that a sentence cannot end on: a comma, a hyphen, a word that needs one after it. */
const OPEN_END = /(?:,|\w-|\b(?:a|an|the|of|in|on|to|and|or|but|with|for|by|at|from|as|that|its|their|his|her|was|were|is|are|has|have|had))$/;
/** A line a sentence goes on in: it starts lower case ("the deadly plane crash rose to 270"). */
const GOES_ON = /^[a-z]/;

/** The last row of a line, which may hold several of the file's rows once joined: what a join looks at. */
const lastRow = (l: Line): string => l.text.slice(l.text.lastIndexOf('\n') + 1);

/** Whether most words of a row start upper case, as a headline's do. */
function titleCased(row: string): boolean {
  const words = row.split(/\s+/);
  return words.filter((w) => /^[A-Z]/.test(w)).length > words.length * 0.6;
}

/**
 * Whether the sentence of row `a` plainly goes on in line `b`: prose on both sides (a row of a few
 * words, not a lone word such as "side-post-image" unless it ends the sentence), no headline in title
 * case, and `b` starts lower case or `a` ends on a comma or on "the".
 */
const goesOn = (a: string, b: string): boolean =>
  !CLOSED_END.test(a) && /(?:\S+\s+){2}\S/.test(a) && !titleCased(a) && (/\s/.test(b) || CLOSED_END.test(b)) && (GOES_ON.test(b) || OPEN_END.test(a));

/** In text wrapped throughout, a long row that ends no sentence goes on in a next line of prose. */
const wrapsOn = (a: string, b: string): boolean => !CLOSED_END.test(a) && a.length >= 40 && /\s/.test(b) && /^[\w$£€“"(]/.test(b);

/**
 * Text hard-wrapped at a fixed width (wire copy, e-mail), one paragraph over several lines, read
 * as the paragraphs it is. A line joins the next when its sentence plainly goes on there; in text
 * wrapped throughout (three such joins at least), any long line that does not end a sentence does
 * too ("president of the Junior Doctors" / "Association at B.J. Medical College"). A joined
 * paragraph's text is the file's own, line breaks and all, so its quotes stay exact. Each join looks
 * only at the last row, so a long wrapped article is read in linear time.
 */
function unwrap(lines: Line[], text: string): Line[] {
  let plain = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (goesOn((lines[i] as Line).text, (lines[i + 1] as Line).text)) plain++;
  if (plain === 0) return lines;
  const wrapped = plain >= 3;
  const out: Line[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    const row = last ? lastRow(last) : '';
    if (last && (goesOn(row, line.text) || (wrapped && wrapsOn(row, line.text))))
      out[out.length - 1] = { text: text.slice(last.start, line.start + line.text.length), start: last.start };
    else out.push(line);
  }
  return out;
}

/** A line that reads as a headline in a list of links: short, and with no closing stop unless an attribution ("...: Minister Ana Lind."). */
const headlineLike = (t: string): boolean => t.split(/\s+/).length < 30 && (!/[.!?]["”’]?$/.test(t) || /\w:\s\S/.test(t));

const sentenceCount = (s: string): number => (s.match(/[.!?](?:["”’)]?)(?=\s+[A-Z“"]|\s*$)/g) ?? []).length;
const stripEllipsis = (s: string): string => s.replace(/(?:…|\.\.\.)\s*$/, '').trim();

/**
 * The lines after each line, read without copying them: the article's lines are looked at as a
 * whole from each line on, and a copy per line made a 4.5 MB article take 16 s.
 */
interface Later {
  lines: readonly Line[];
  /** Index of the first later line. */
  from: number;
  /** The text of every line, joined by new lines, and where each line starts in it. */
  joined: string;
  offsets: readonly number[];
}

/** A paragraph that ends in an ellipsis and whose text recurs later is a teaser, not prose. */
function isTeaser(p: Line, later: Later): boolean {
  if (!/(?:…|\.\.\.)\s*$/.test(p.text)) return false;
  const head = stripEllipsis(p.text).slice(0, 80);
  // A line break is never in a line's text, so a match within the later text lies within one later line.
  return later.joined.indexOf(head, later.offsets[later.from] ?? later.joined.length) >= 0;
}

/** The source files' own header lines: `Source: <outlet> <url>` and `Date: <date>` (with its line number). */
function headerOf(lines: Line[]): { outlet?: string; url?: string; date?: string; dateLine?: number; used: number } {
  const out: { outlet?: string; url?: string; date?: string; dateLine?: number; used: number } = { used: 0 };
  for (const [k, line] of lines.slice(1, 4).entries()) {
    const src = /^source:\s*(.*)$/i.exec(line.text);
    const date = /^(?:date|published|updated):\s*(.+)$/i.exec(line.text);
    if (src?.[1] !== undefined) {
      const url = /(https?:\/\/\S+)/.exec(src[1])?.[1];
      const outlet = src[1]
        .replace(/https?:\/\/\S+/, '')
        .replace(/[\s,;|–—-]+$/, '')
        .trim();
      if (outlet) out.outlet = outlet;
      if (url) out.url = url;
      out.used++;
    } else if (date?.[1]) {
      out.date = date[1].trim();
      out.dateLine = k + 2;
      out.used++;
    } else break;
  }
  return out;
}

/** Parses one article. `meta` (from briefing.yaml) wins over what the file says. */
export function parseArticle(file: string, text: string, meta: SourceMeta = {}): Article {
  const lines = linesOf(text);
  const first = lines[0];
  const header = headerOf(lines);
  const headline = first ? first.text : file;
  const body: Paragraph[] = [];
  const furniture: Furniture[] = [];
  const rest = unwrap(lines.slice(1 + header.used), text);
  // A long, multi-sentence first line is a summary (a dek) doing duty as headline: keep it as prose too.
  if (first && sentenceCount(first.text) >= 2) rest.unshift(first);
  const seen = new Set<string>();
  // How often each line is printed: a caption printed twice is furniture in both places.
  const printed = new Map<string, number>();
  for (const l of rest) printed.set(l.text, (printed.get(l.text) ?? 0) + 1);
  let inList = false;
  const offsets: number[] = [];
  let at = 0;
  for (const l of rest) {
    offsets.push(at);
    at += l.text.length + 1;
  }
  const joined = rest.map((l) => l.text).join('\n');
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i];
    if (!line) continue;
    // The items under "Recommended Stories" or "Related" run until the article's prose resumes.
    // The list also runs to the end when all that is left is a few headlines ("Man who died ...: Minister Veena George.").
    if (inList && (isListItem(line.text) || (rest.length - i <= 6 && rest.slice(i).every((l) => headlineLike(l.text))))) {
      furniture.push({ text: line.text, reason: 'link list' });
      continue;
    }
    inList = false;
    const reason = paragraphReason(line, { lines: rest, from: i + 1, joined, offsets }, headline, first === line, seen, (printed.get(line.text) ?? 0) > 1);
    if (reason === 'end of article') {
      for (const l of rest.slice(i)) furniture.push({ text: l.text, reason });
      break;
    }
    if (reason) {
      furniture.push({ text: line.text, reason });
      if (reason === 'navigation' && LIST_HEADING.test(line.text.trim())) inList = true;
      continue;
    }
    seen.add(line.text);
    const dl = datelineOf(line.text);
    // "... 3.76 per cent. - Copyright The Financial Times Limited 2024": a copyright line run on after the last sentence.
    const notice = TRAILING_COPYRIGHT.exec(line.text);
    const end = notice ? notice.index : line.text.length;
    if (notice) furniture.push({ text: line.text.slice(notice.index).trim(), reason: 'copyright' });
    // "[Update, July 19, 3:45 p.m.] A Cirium update showed ...": an editor's label before the paragraph's prose.
    const label = EDITOR_LABEL.exec(line.text)?.[0];
    if (label) {
      furniture.push({ text: label.trim(), reason: 'editor label' });
      body.push({ text: line.text.slice(label.length, end), start: line.start + label.length });
    } else if (dl) {
      furniture.push({ text: line.text.slice(0, dl.length), reason: 'dateline' });
      body.push({ text: line.text.slice(dl.length, end), start: line.start + dl.length });
    } else body.push({ text: line.text.slice(0, end), start: line.start });
  }
  const url = meta.url ?? header.url;
  const published = parseDate(meta.published, 'metadata') ?? parseDate(header.date, 'date-line') ?? urlDate(url);
  // A date line that names no day of the calendar is refused, and said so; the article is dated as if it had none.
  const problem = meta.published === undefined && header.date ? calendarProblem(header.date) : undefined;
  return {
    file,
    headline,
    outlet: meta.outlet ?? header.outlet,
    url,
    published,
    // The article's own text dates it; a photo caption's date is when the photo was taken, and a sidebar's or a related story's dates are not its own.
    dateHint: published ? undefined : dateHintOf([headline, ...body.map((p) => p.text)]),
    body,
    furniture,
    bytes: utf8Length(text),
    ...(problem
      ? { dateProblem: `line ${String(header.dateLine ?? 2)}: "${header.date ?? ''}" is not a date (${problem}); the article is dated from its text` }
      : {}),
  };
}

/** A short bracketed label opening a paragraph of prose: "[Update, July 19, 3:45 p.m.] ", "[Editor's note: ...] ". */
const EDITOR_LABEL = /^\[[^\]]{1,60}\]\s+(?=["“]?[A-Z])/;

function paragraphReason(line: Line, later: Later, headline: string, isDek: boolean, seen: Set<string>, repeated: boolean): string | undefined {
  if (isDek) return undefined;
  const left = later.lines.length - later.from;
  if (LIST_HEADING.test(line.text.trim()) && left <= 4 && later.lines.slice(later.from).every((l) => l.text.split(/\s+/).length < 30)) return 'end of article';
  if (repeatsHeadline(line.text, headline)) return 'repeated headline';
  if (repeated && looksLikeCaption(line.text)) return 'repeated caption';
  if (seen.has(line.text)) return 'repeated paragraph';
  if (isTeaser(line, later)) return 'teaser';
  return furnitureReason(line.text);
}

/** The UTF-8 size of a text in bytes, counted without encoding it (the core uses no Node globals such as Buffer). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    // A surrogate pair is one code point of four bytes; a lone surrogate is written as three (U+FFFD).
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
