/** Sentence splitting, tokens, part-of-speech tags and lemmas, from wink-nlp. */
/* eslint-disable @typescript-eslint/unbound-method -- wink-nlp passes its.* helpers as bare functions by design. */
import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
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
  const doc = nlp.readDoc(paragraph);
  const out: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const texts = s.tokens().out();
    const spaces = s.tokens().out(its.precedingSpaces);
    const pos = s.tokens().out(its.pos);
    const lemma = s.tokens().out(its.lemma as ItsFunction<string>);
    const type = s.tokens().out(its.type);
    const tokens: Token[] = [];
    // wink keeps every character as a token or as the spaces before one, so offsets add up;
    // we still re-find each token, to stay exact if that ever changes.
    let at = 0;
    const pieces: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] ?? '';
      pieces.push((i === 0 ? '' : spaces[i] ?? '') + text);
    }
    const joined = pieces.join('');
    const sStart = paragraph.indexOf(joined, cursor);
    const base = sStart >= 0 ? sStart : paragraph.indexOf(texts[0] ?? '', cursor);
    if (base < 0) return;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] ?? '';
      const found = paragraph.indexOf(text, base + at);
      if (found < 0) continue;
      const start = found - base;
      tokens.push({
        text,
        lower: text.toLowerCase(),
        pos: pos[i] ?? 'X',
        lemma: lemma[i] ?? text.toLowerCase(),
        type: type[i] ?? 'word',
        start,
        end: start + text.length,
      });
      at = start + text.length;
    }
    const end = base + at;
    out.push({ text: paragraph.slice(base, end), start: base, tokens });
    cursor = end;
  });
  return out;
}

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
