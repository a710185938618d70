/** Sentence splitting, tokens, part-of-speech tags and lemmas, from wink-nlp. */
/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp passes its.* helpers as bare functions by design. */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** One token with its place in the sentence. */
export interface Token {
  text: string;
  lower: string;
  /** Universal POS tag (NOUN, PROPN, NUM, ...). */
  pos: string;
  lemma: string;
  /** wink token type: word, number, punctuation, ... */
  type: string;
  /** Offset of the token inside the sentence text. */
  start: number;
  end: number;
}

/** A sentence and its tokens; `start` is its offset in the paragraph. */
export interface Sentence {
  text: string;
  start: number;
  tokens: Token[];
}

/** Splits a paragraph into sentences whose text is an exact substring of it. */
export function analyse(paragraph: string): Sentence[] {
  return analyseParagraphs([paragraph])[0] ?? [];
}

/**
 * Splits paragraphs into sentences, each an exact substring of its paragraph. The paragraphs are
 * read as one document (each call costs, whatever its length), and every token's text, tag and
 * lemma is read from it once, in bulk: per-sentence reads cost as much again as the tagging.
 */
export function analyseParagraphs(paragraphs: readonly string[]): Sentence[][] {
  const joined = paragraphs.join(BREAK);
  const bounds: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    bounds.push(offset);
    offset += p.length + BREAK.length;
  }
  const doc = nlp.readDoc(joined);
  const all = doc.tokens();
  const texts = all.out();
  const spaces = all.out(its.precedingSpaces);
  const pos = all.out(its.pos);
  const lemma = all.out(its.lemma as ItsFunction<string>);
  const type = all.out(its.type);
  // wink keeps every character as a token or as the spaces before one, so offsets add up; a token
  // not where they say is found again, to stay exact if that ever changes.
  const starts: number[] = [];
  // The paragraph of each token, found in the same pass: tokens come in order.
  const paragraphOfToken: number[] = [];
  let at = 0;
  let k = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    at += (spaces[i] ?? '').length;
    if (!joined.startsWith(text, at)) {
      const found = joined.indexOf(text, at);
      if (found >= 0) at = found;
    }
    starts.push(at);
    while (k + 1 < bounds.length && (bounds[k + 1] ?? Infinity) <= at) k++;
    paragraphOfToken.push(k);
    at += text.length;
  }
  const out: Sentence[][] = paragraphs.map(() => []);
  const emit = (first: number, last: number): void => {
    const k = paragraphOfToken[first] ?? 0;
    const origin = bounds[k] ?? 0;
    const base = (starts[first] ?? 0) - origin;
    const tokens: Token[] = [];
    for (let t = first; t <= last; t++) {
      const text = texts[t] ?? '';
      const lower = text.toLowerCase();
      const start = (starts[t] ?? 0) - origin - base;
      tokens.push({ text, lower, pos: pos[t] ?? 'X', lemma: lemma[t] ?? lower, type: type[t] ?? 'word', start, end: start + text.length });
    }
    const paragraph = paragraphs[k] ?? '';
    out[k]?.push({ text: paragraph.slice(base, base + (tokens.at(-1)?.end ?? 0)), start: base, tokens });
  };
  for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    // A sentence never runs across paragraphs: cut it where the next one starts.
    let from = first;
    for (let t = first + 1; t <= last; t++) {
      if (paragraphOfToken[t] !== paragraphOfToken[from]) {
        emit(from, t - 1);
        from = t;
      }
    }
    emit(from, last);
  }
  return out;
}

/** Between paragraphs read as one document: a break no sentence runs across. */
const BREAK = '\n\n';

/** Lemmas of a short phrase (for matching topics and metrics). */
export function lemmas(text: string): string[] {
  return nlp.readDoc(text).tokens().out(its.lemma as ItsFunction<string>).map((l) => l.toLowerCase());
}

// Stems repeat endlessly across a set; the vocabulary is small, so each word is stemmed once.
const stems = new Map<string, string>();
// The model ships wink's Porter2 stemmer as an addon; its typings leave addons untyped.
const porter2 = (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem;

/** The Porter2 stem of a lower-case word ("bases" -> "base", "killings" -> "kill"), from the model's stemmer. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = porter2(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}
