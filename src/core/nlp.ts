/** Sentence splitting, tokens, part-of-speech tags and lemmas, from wink-nlp. */
/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp passes its.* helpers as bare functions by design. */
// The one module of the core that loads something: the language model, on first use, so that
// importing the core costs nothing (the model takes about 0.3 s to load and set up).
// eslint-disable-next-line no-restricted-imports -- a deferred require of wink's model, no I/O of our own
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItsFunction, ItsHelpers, Model, Tokens, WinkMethods } from 'wink-nlp';

/** wink-nlp with its English model (sentences and tags). */
interface Wink {
  nlp: WinkMethods;
  its: ItsHelpers;
}

let loaded: Wink | undefined;
let porter2: ((word: string) => string) | undefined;
const require = createRequire(import.meta.url);

/** wink-nlp and its model, loaded when first asked for and kept. */
function wink(): Wink {
  if (!loaded) {
    const model = require('wink-eng-lite-web-model') as Model;
    const nlp = (require('wink-nlp') as typeof winkNLP)(model, ['sbd', 'pos']);
    loaded = { nlp, its: nlp.its };
  }
  return loaded;
}

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

/** wink's lemma of each token of one document, read one token at a time, when first asked. */
class Lemmas {
  private readonly read: (string | undefined)[] = [];
  /** The document's tokens: each `tokens()` call builds a collection of closures anew, so it is made once. */
  constructor(private readonly tokens: Tokens) {}
  /** The lemma of the document's `i`th token; `fallback` when wink has none. */
  at(i: number, fallback: string): string {
    let l = this.read[i];
    if (l === undefined) {
      // Typed as always a string; the fallback stays should wink ever have none for a token.
      const read: unknown = this.tokens.itemAt(i).out(wink().its.lemma as ItsFunction<string>);
      this.read[i] = l = typeof read === 'string' ? read : fallback;
    }
    return l;
  }
}

/**
 * A token as `analyseParagraphs` reads it. Its lemma is read from wink only when asked: few tokens'
 * lemmas ever are, and reading every token's cost a tenth of the tagging. A copy made by spreading
 * does not carry the lemma over (it is a getter): copies name it explicitly.
 */
class ReadToken implements Token {
  constructor(
    public text: string,
    public lower: string,
    public pos: string,
    public type: string,
    public start: number,
    public end: number,
    private readonly lemmas: Lemmas,
    private readonly index: number,
  ) {}
  get lemma(): string {
    return this.lemmas.at(this.index, this.lower);
  }
}

/** A sentence and its tokens; `start` is its offset in the paragraph. */
export interface Sentence {
  text: string;
  start: number;
  tokens: Token[];
}

/** A copy of a token under another tag ("TIME" for a date's words); its lemma is still read only when asked. */
export function retagged(t: Token, pos: string): Token {
  return new DerivedToken(t, pos, t.start, t.end);
}

/** A token of a clause cut from a sentence: `at` places it in the clause, and its offsets count from there. */
export function cutFrom(t: Token, at: number): Token & { at: number } {
  return new DerivedToken(t, t.pos, t.start - at, t.end - at, t.start - at);
}

/** A token read from another (`from`), with its own tag or offsets; the lemma is the other's, read when asked. */
class DerivedToken implements Token {
  readonly text: string;
  readonly lower: string;
  readonly type: string;
  constructor(
    private readonly from: Token,
    public pos: string,
    public start: number,
    public end: number,
    public at = 0,
  ) {
    this.text = from.text;
    this.lower = from.lower;
    this.type = from.type;
  }
  get lemma(): string {
    return this.from.lemma;
  }
}

/** Splits a paragraph into sentences whose text is an exact substring of it. */
export function analyse(paragraph: string): Sentence[] {
  return analyseParagraphs([paragraph])[0] ?? [];
}

/**
 * Splits paragraphs into sentences, each an exact substring of its paragraph. The paragraphs are
 * read as one document (each call costs, whatever its length), and every token's text and tag is
 * read from it once, in bulk: per-sentence reads cost as much again as the tagging. Lemmas are
 * read per token when asked (about one token in fifteen).
 */
export function analyseParagraphs(paragraphs: readonly string[]): Sentence[][] {
  const joined = paragraphs.join(BREAK);
  const bounds: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    bounds.push(offset);
    offset += p.length + BREAK.length;
  }
  const { nlp, its } = wink();
  const doc = nlp.readDoc(joined);
  const all = doc.tokens();
  const texts = all.out();
  const spaces = all.out(its.precedingSpaces);
  const pos = all.out(its.pos);
  const lemmas = new Lemmas(all);
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
      tokens.push(new ReadToken(text, lower, pos[t] ?? 'X', type[t] ?? 'word', start, start + text.length, lemmas, t));
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
  const { nlp, its } = wink();
  return nlp
    .readDoc(text)
    .tokens()
    .out(its.lemma as ItsFunction<string>)
    .map((l) => l.toLowerCase());
}

// Stems repeat endlessly across a set; the vocabulary is small, so each word is stemmed once.
const stems = new Map<string, string>();

/** The Porter2 stem of a lower-case word ("bases" -> "base", "killings" -> "kill"), from the model's stemmer. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    // The model's own Porter2 stemmer (its `addons.stem`), without the model: stemming alone must not load it.
    porter2 ??= require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;
    s = porter2(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}
