/**
 * Turning the clause that leaves something open into a question a reader can scan:
 * "did not say how it compiled the list" -> "How did the state compile the list?".
 */
import { analyse, cutFrom, type Sentence, type Token } from '../nlp.js';
import { isCommonNoun, isGroupNoun, singular } from './figures/lexicon.js';
import { anyOf, capitalise } from '../text.js';

/** A token with its offset in the whole text, not only in its sentence. */
type Tok = Token & { at: number };

/** The sentence being read, already tagged: a clause of it is read from its tokens, not tagged again. */
let reading: Sentence | undefined;

/** Runs `f` while `sentence` is the one being read (the grammar slices its tokens instead of tagging clauses anew). */
export function whileReading<T>(sentence: Sentence | undefined, f: () => T): T {
  const before = reading;
  reading = sentence;
  try {
    return f();
  } finally {
    reading = before;
  }
}

/** The whole sentence being read, as tokens: the grammar asks for it several times a sentence (subjects, clauses). */
let whole: { sentence: Sentence; tokens: Tok[] } | undefined;

/**
 * Tokens of a text across its sentences: a clause of the sentence being read is cut from its tokens,
 * in context. Callers only read them: the whole sentence's are handed out again, not copied anew.
 */
function tokensOf(text: string): Tok[] {
  // A dot masked while cues matched ("$1\u20245") is a dot again; one code unit either way, so offsets hold.
  const plain = text.replaceAll('\u2024', '.');
  if (reading && whole?.sentence === reading && plain === reading.text) return whole.tokens;
  const at = reading ? reading.text.indexOf(plain) : -1;
  if (reading && at >= 0) {
    const end = at + plain.length;
    // One pass; each token keeps its source's lemma, read only if the grammar asks for it.
    const tokens: Tok[] = [];
    for (const t of reading.tokens) {
      if (t.start >= at && t.end <= end) tokens.push(cutFrom(t, at));
    }
    if (plain === reading.text) whole = { sentence: reading, tokens };
    return tokens;
  }
  return analyse(plain).flatMap((s) =>
    s.tokens.map((t) => ({ text: t.text, lower: t.lower, pos: t.pos, lemma: t.lemma, type: t.type, start: t.start, end: t.end, at: s.start + t.start })),
  );
}

const AUX = new Set('would will could can might may should must is are was were has have had does do did'.split(' '));
const WH = new Set('what which who whom whose when where why how'.split(' '));
const PRONOUN = /^(?:it|they|this|that|these|those|he|she|we|some|others|many|most|several|all)$/i;

/** The final touch: no quotation marks, one space, a capital and a question mark. */
export function tidy(q: string): string {
  const s = q
    .replace(/[“”"]|(?<!\w)[‘’']|[‘’'](?!\w)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?;:])/g, '$1')
    .replace(/^[\s,;:—–-]+|[\s,;:.!?—–-]+$/g, '')
    .trim();
  return s ? `${capitalise(s)}?` : '';
}

/** The words before an "as" that make it no conjunction: "as soon as", "so much as", "just as". */
const NOT_AS_CONJUNCTION = /as|so|soon|much|many|high|early|late|long|far|well|little|such|same|just/;
/** What follows a conjunction "as": a pronoun or determiner, or a capitalised subject and its verb. */
const AFTER_AS_CONJUNCTION = String.raw`\s+(?:the|a|an|it|he|she|they|we|its|their|his|her)\s|\s+[A-Z][\w’'-]*\s+(?:is|are|was|were|has|have|had)\s`;
/** Words that open a clause of reason, concession or circumstance: the question stops before them. */
const SUBORDINATE = new RegExp(
  String.raw`\s+${anyOf([
    /in part because|because|but|although|though|while/,
    /according to|despite|amid|given that|so that/,
    String.raw`(?<!\b(?:${NOT_AS_CONJUNCTION.source})\s+)as(?=${AFTER_AS_CONJUNCTION})`,
  ])}\s+`,
);

/** Where a clause stops being the question: a dash, a semicolon, a comma after a few words, "because". */
export function cutClause(s: string): string {
  let out = s;
  const dash = out.search(/\s*[—–;(]|\s+-\s+/);
  if (dash > 0) out = out.slice(0, dash);
  const words = (x: string): number => x.split(/\s+/).filter(Boolean).length;
  const sub = SUBORDINATE.exec(out);
  if (sub && words(out.slice(0, sub.index)) >= 2) out = out.slice(0, sub.index);
  const quoted = out.search(/[,;]\s*["”]|["”]\s*,/);
  if (quoted > 0) out = out.slice(0, quoted);
  // Not at a thousands separator: "2,000 jobs" is one number.
  const parts = out.split(/,(?!\d{3}\b)/);
  if (parts.length > 1 && words(parts[0] ?? '') >= 3) out = parts[0] ?? out;
  return out.replace(/^[\s,;:“”"‘’—–-]+|[\s,;:.“”"‘’—–-]+$/g, '').trim();
}

const DET_START = new RegExp(
  String.raw`^${anyOf([
    /The|This|That|These|Those|A|An|Its|His|Her|Their|Such/,
    /Some|Many|Most|Other|Local|Several|Both|All/,
    /Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|Millions/,
  ])}\b`,
);

/**
 * A subject inside a question: "A storm" -> "the storm" (or "a storm" when `indefinite`, for what
 * may not exist yet: "Could a shift in policy come?"), "Officials" -> "officials"; names keep their capitals.
 */
export function asSubject(np: string, indefinite = false): string {
  const s = np.trim().replace(/^(?:however|but|and|yet|still|meanwhile|also),?\s+/i, '');
  if (/^(?:a|an)\s/i.test(s)) return indefinite ? s.charAt(0).toLowerCase() + s.slice(1) : `the ${s.replace(/^(?:a|an)\s+/i, '')}`;
  const first = s.split(/\s+/)[0] ?? '';
  // A plural common noun that opens the sentence ("Officials said", "Repairs could take months"): names are rarely plural.
  const lower = first.toLowerCase();
  const plural = /^[A-Z][a-z]+$/.test(first) && singular(lower) !== lower && isCommonNoun(lower);
  const common = DET_START.test(s) || plural || isGroupNoun(lower);
  return common ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The verb's base form and the "do" it needs: "compiled" -> ["did", "compile"]. */
function doSupport(t: Tok): [string, string] {
  const lemma = t.lemma.toLowerCase();
  if (t.lower === lemma) return ['do', lemma];
  if (/s$/.test(t.lower) && !/ed$/.test(t.lower)) return ['does', lemma];
  return ['did', lemma];
}

const isVerb = (t: Tok | undefined): boolean => !!t && (t.pos === 'VERB' || t.pos === 'AUX');
/** "had" before a participle is an auxiliary; "had a licence" is the verb itself. */
const mainHave = (t: Tok[], i: number): boolean =>
  /^(?:has|have|had)$/.test(t[i]?.lower ?? '') && !t.slice(i + 1, i + 3).some((x) => x.pos === 'VERB' || x.pos === 'AUX');

/** The text of tokens `a` to `b` (exclusive), as written: "Smith’s" stays one word. */
const span = (text: string, t: Tok[], a: number, b: number): string => {
  const first = t[a];
  const last = t[b - 1];
  return first && last && b > a ? text.slice(first.at, last.at + last.text.length) : '';
};

/**
 * An embedded wh-clause as a direct question, with the auxiliary moved or "do" added:
 * "which countries Peru would ask" -> "Which countries would Peru ask?".
 * `subject` stands in for a pronoun subject ("how it compiled" -> "how the state compiled").
 */
export function whQuestion(clause: string, subject?: string): string {
  const text = cutClause(clause);
  const t = tokensOf(text);
  if (!t[0] || !WH.has(t[0].lower)) return tidy(text);
  // The wh-phrase: "which countries", "how many people", "how long".
  let k = 1;
  // "how many", "how long", "how accurate the estimates will be": "how" and its adjective ask together.
  if (t[0].lower === 'how' && t[1] && (/^(?:many|much|long|often|far|high|soon|quickly|big|large|deep|bad)$/.test(t[1].lower) || t[1].pos === 'ADJ')) k = 2;
  if (/^(?:which|what|whose)$/.test(t[0].lower) || (t[0].lower === 'how' && k === 2 && /^(?:many|much)$/.test(t[1]?.lower ?? ''))) {
    while (k < t.length && k < 4 && (t[k]?.pos === 'NOUN' || t[k]?.pos === 'ADJ') && !isVerb(t[k])) k++;
  }
  const n = t.length;
  // "how many of the dead had been on the aircraft": a part of a whole is the subject too.
  if (k > 1 && t[k]?.lower === 'of' && /^(?:many|much)$/.test(t[1]?.lower ?? '')) return tidy(text);
  // The wh-phrase is the subject: "what caused the blackout", "how many people are missing". "Where", "when" and "why"
  // never are: in "where interest rates may settle" the tagger's verb is a noun.
  if (isVerb(t[k]) && !(k === 1 && /^(?:where|when|why|how)$/.test(t[0].lower))) return tidy(text);
  const auxAt = t.findIndex((x, i) => i > k && x.pos === 'AUX' && AUX.has(x.lower) && !mainHave(t, i));
  // "the newly elected president will": a participle before a noun describes it; the verb comes later.
  const attributive = (i: number): boolean => /(?:ed|en)$/.test(t[i]?.lower ?? '') && /^(?:NOUN|PROPN)$/.test(t[i + 1]?.pos ?? '');
  const verbAt = t.findIndex((x, i) => i > k && ((x.pos === 'VERB' && !attributive(i)) || mainHave(t, i)));
  const useAux = auxAt > k && (verbAt < 0 || auxAt < verbAt);
  const end = useAux ? auxAt : verbAt > k ? verbAt : n;
  const subj = span(text, t, k, end);
  const subjText = end - k === 1 && subject && PRONOUN.test(subj) ? asSubject(subject) : subj;
  const wh = span(text, t, 0, k);
  if (useAux) return tidy([wh, t[auxAt]?.lower ?? '', subjText, span(text, t, auxAt + 1, n)].join(' '));
  const verb = t[verbAt];
  if (verbAt > k && verb) {
    const [aux, base] = doSupport(verb);
    // "why the plane lost height and crashed": "did" takes both verbs ("lose height and crash").
    const and =
      aux === 'do' ? -1 : t.findIndex((x, i) => i > verbAt + 1 && /^(?:and|or)$/.test(t[i - 1]?.lower ?? '') && x.pos === 'VERB' && doSupport(x)[0] === aux);
    const rest = and < 0 ? span(text, t, verbAt + 1, n) : [span(text, t, verbAt + 1, and), doSupport(t[and] ?? verb)[1], span(text, t, and + 1, n)].join(' ');
    return tidy([wh, aux, subjText, base, rest].join(' '));
  }
  return tidy(text);
}

/** "whether the plan is legal" -> "Is the plan legal?"; "whether officials knew" -> "Did officials know?". */
export function yesNoQuestion(clause: string): string | undefined {
  const text = cutClause(clause.replace(/^(?:whether|if)\s+/i, ''));
  const t = tokensOf(text);
  const first = t.findIndex((x) => isVerb(x));
  const tok = t[first];
  if (!tok || first === 0 || first > 14) return undefined;
  const subj = asSubject(span(text, t, 0, first));
  const rest = span(text, t, first + 1, t.length);
  if (tok.pos === 'AUX' && AUX.has(tok.lower) && !mainHave(t, first)) return tidy([tok.lower, subj, rest].join(' '));
  const [aux, base] = doSupport(tok);
  return tidy([aux, subj, base, rest].join(' '));
}

const BOUNDARY_POS = new Set(['VERB', 'AUX', 'SCONJ', 'CCONJ', 'PUNCT', 'PART']);
const noun = (t: Tok): boolean => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'NUM';

/** The noun phrase right before token `i`, back to the nearest verb, conjunction or comma. */
function npBefore(t: Tok[], i: number, text: string): { np: string; from: number } | undefined {
  let j = i;
  while (j > 0 && !BOUNDARY_POS.has(t[j - 1]?.pos ?? 'PUNCT') && !/^(?:that|which|who|whom|whose|if|whether)$/i.test(t[j - 1]?.lower ?? '')) j--;
  // "in a fire" is the fire.
  while (j < i && (t[j]?.pos === 'ADP' || t[j]?.pos === 'ADV')) j++;
  const run = t.slice(j, i);
  if (!run.some(noun)) return undefined;
  return { np: span(text, t, j, i), from: j };
}

/** The subject of a sentence: its words before the first verb, without an opening adverbial. */
export function mainSubject(sentence: string): string | undefined {
  const t = tokensOf(sentence);
  let start = 0;
  // Skip an opening "However," or "On Monday,".
  const comma = t.findIndex((x) => x.text === ',');
  if (comma > 0 && comma < 6 && !t.slice(0, comma).some((x) => isVerb(x))) start = comma + 1;
  const v = t.findIndex((x, i) => i >= start && isVerb(x));
  if (v <= start) return undefined;
  const span = t.slice(start, v).filter((x) => x.pos !== 'PUNCT' || x.text === "'" || x.text === '’');
  if (!span.length || span.length > 8 || !span.some((x) => x.pos === 'NOUN' || x.pos === 'PROPN')) return undefined;
  const a = span[0];
  const b = span[span.length - 1];
  return a && b ? sentence.slice(a.at, b.at + b.text.length).replace(/^(?:however|but|and|yet|still|meanwhile)\s+/i, '') : undefined;
}

/**
 * The subject of the clause whose modal or verb stands at character `at`: "officials warn the toll
 * could rise" -> "the toll"; "a fire that police believe could have been caused" -> "a fire";
 * a pronoun is read as the last "X is" noun phrase before it, or the sentence's subject.
 */
export function subjectAt(sentence: string, at: number): string | undefined {
  const t = tokensOf(sentence);
  let i = t.findIndex((x) => x.at >= at);
  if (i <= 0) return undefined;
  // "its members, who had voted twice, could return": step over the parenthesis.
  if (t[i - 1]?.text === ',') {
    for (let j = i - 2; j > 0; j--) {
      if (t[j]?.text === ',' && /^(?:who|which|whose)$/i.test(t[j + 1]?.lower ?? '')) {
        i = j;
        break;
      }
    }
  }
  // "the workers it represents can return": a relative clause without "that".
  if (t[i - 1]?.pos === 'VERB' && t[i - 2]?.pos === 'PRON' && /^(?:it|they|we|he|she)$/i.test(t[i - 2]?.lower ?? '')) {
    const head = npBefore(t, i - 2, sentence);
    if (head) return head.np;
  }
  const run = npBefore(t, i, sentence);
  const before = run ? t[run.from - 1] : t[i - 1];
  // "that struck Spain and France could cost" or "that police believe could": the head before "that".
  const rel = (() => {
    for (let j = i - 1; j > 0; j--) {
      const x = t[j];
      if (!x || x.text === ';' || x.text === '.') break;
      // "Experts estimate that rebuilding the bridge could take": a gerund opening the clause is its subject.
      const first = t[j + 1];
      if (x.lower === 'that' && first && /^(?:VERB|NOUN)$/.test(first.pos) && /ing$/.test(first.lower)) {
        let k = i - 1;
        while (k > j + 1 && (t[k]?.pos === 'AUX' || t[k]?.pos === 'PART')) k--;
        const last = t[k];
        if (last && k > j + 1) return sentence.slice(first.at, last.at + last.text.length);
      }
      if (/^(?:that|which|who)$/i.test(x.lower) && x.pos !== 'SCONJ') return npBefore(t, j, sentence)?.np;
      if (/^(?:that|which)$/i.test(x.lower)) {
        const head = npBefore(t, j, sentence);
        if (head && t.slice(j + 1, i).some((y) => y.pos === 'VERB')) return head.np;
        return undefined;
      }
    }
    return undefined;
  })();
  if (!run || (before && (before.pos === 'CCONJ' || before.pos === 'ADP'))) return rel ?? run?.np;
  // "A landslide that buried the road could cut": the road is the relative clause's object.
  if (rel && before?.pos === 'VERB' && t.slice(0, run.from).filter((x) => x.pos === 'VERB').length === 1) return rel;
  if (!PRONOUN.test(run.np)) return run.np;
  // A pronoun: the last noun phrase that something "is" before it, or the sentence's own subject.
  for (let j = run.from - 1; j > 0; j--) {
    const x = t[j];
    if (x && x.pos === 'AUX' && /^(?:is|was|are|were)$/.test(x.lower)) {
      const np = npBefore(t, j, sentence);
      if (np && !PRONOUN.test(np.np)) return np.np;
    }
  }
  const main = mainSubject(sentence);
  return main && !PRONOUN.test(main) ? main : undefined;
}

/** What is asked about an unknown thing, by its head noun: "the cause of the fire" -> "What caused the fire?". */
const NOUN_QUESTIONS: readonly { id: string; head: RegExp; ask: (of: string, np: string) => string }[] = [
  { id: 'cause', head: /^(?:the\s+)?(?:\w+\s+)?causes?$/i, ask: (of) => `What caused ${asSubject(of)}` },
  { id: 'reason', head: /^(?:the\s+)?reasons?$/i, ask: (of) => `What is behind ${asSubject(of)}` },
  { id: 'identity', head: /^(?:the\s+)?(?:identity|identities|names?)$/i, ask: (of) => `Who ${/s$/.test(of) ? 'are' : 'is'} ${asSubject(of)}` },
  { id: 'fate', head: /^(?:the\s+)?(?:fate|whereabouts)$/i, ask: (of) => `What happened to ${asSubject(of)}` },
  { id: 'future', head: /^(?:the\s+)?future$/i, ask: (of) => `What will happen to ${asSubject(of)}` },
  { id: 'motive', head: /^(?:the\s+)?motives?$/i, ask: (of) => `What was the motive for ${asSubject(of)}` },
];

/** A question about a noun phrase nobody can yet explain; undefined when it says too little. */
export function nounQuestion(np: string): { id: string; question: string } | undefined {
  const s = cutClause(np).replace(
    /^(?:(?:any|new|further|more|confirmed|official|firm|clear)\s+)*(?:details?|information|word|explanations?)\s+(?:about|on|of|for|as to)\s+/i,
    '',
  );
  const m = /^(.*?)\s+(?:of|for|behind)\s+(.+)$/i.exec(s);
  if (m?.[1] && m[2]) {
    for (const r of NOUN_QUESTIONS) if (r.head.test(m[1].trim())) return { id: r.id, question: tidy(r.ask(m[2], s)) };
  }
  // A bare "the cause" or "details" names nothing the reader can place.
  if (s.split(/\s+/).length < 3) return undefined;
  const head = (m?.[1] ?? s).trim().split(/\s+/).pop() ?? '';
  return { id: 'unknown', question: tidy(`What ${/[^su]s$/i.test(head) ? 'are' : 'is'} ${asSubject(s)}`) };
}

const IRREGULAR: Record<string, string> = {
  find: 'found',
  build: 'built',
  rebuild: 'rebuilt',
  make: 'made',
  take: 'taken',
  give: 'given',
  pay: 'paid',
  hold: 'held',
  bring: 'brought',
  send: 'sent',
  spend: 'spent',
  win: 'won',
  lose: 'lost',
  sell: 'sold',
  tell: 'told',
  seek: 'sought',
  keep: 'kept',
  meet: 'met',
  lead: 'led',
  leave: 'left',
  know: 'known',
  show: 'shown',
  grow: 'grown',
  choose: 'chosen',
  write: 'written',
  draw: 'drawn',
  break: 'broken',
  do: 'done',
  see: 'seen',
  shut: 'shut',
  cut: 'cut',
  hit: 'hit',
  let: 'let',
  hurt: 'hurt',
  cost: 'cost',
  put: 'put',
  set: 'set',
  run: 'run',
  begin: 'begun',
  get: 'gotten',
  rise: 'risen',
  fall: 'fallen',
};

const IRREGULAR_FORMS = new Set(Object.values(IRREGULAR));
/** Whether a word is an irregular past participle ("known", "broken"), as no "-ed" test finds. */
export const irregularParticiple = (word: string): boolean => IRREGULAR_FORMS.has(word);

/** The past participle of a verb's base form: "identify" -> "identified", "locate" -> "located". */
export function participle(base: string): string {
  const b = base.toLowerCase();
  const irregular = IRREGULAR[b];
  if (irregular) return irregular;
  if (/e$/.test(b)) return `${b}d`;
  if (/[^aeiou]y$/.test(b)) return `${b.slice(0, -1)}ied`;
  return `${b}ed`;
}

/** Nouns of a process and the participle that says it is done: "identification" -> "identified". */
const PROCESS_NOUNS: Record<string, string> = {
  identification: 'identified',
  investigation: 'investigated',
  confirmation: 'confirmed',
  verification: 'verified',
  review: 'reviewed',
  assessment: 'assessed',
  inspection: 'inspected',
  evaluation: 'evaluated',
  notification: 'notified',
  recovery: 'recovered',
  restoration: 'restored',
  repair: 'repaired',
  repairs: 'repaired',
  certification: 'certified',
  analysis: 'analysed',
  reconstruction: 'rebuilt',
};

/** "identification" -> "identified", or undefined for a noun that names no process. */
export const processParticiple = (nounText: string): string | undefined => PROCESS_NOUNS[nounText.toLowerCase()];

/** The lemma of the first verb in a phrase ("identifying victims" -> "identify"), and the words after it. */
export function firstVerb(phrase: string): { lemma: string; rest: string } | undefined {
  const t = tokensOf(phrase);
  const i = t.findIndex((x) => x.pos === 'VERB');
  const v = t[i];
  if (!v) return undefined;
  return { lemma: v.lemma.toLowerCase(), rest: phrase.slice(v.at + v.text.length).trim() };
}
