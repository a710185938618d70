/** Open questions: sentences saying something is unknown, undecided, pending or disputed. */
import type { QuestionMention } from '../model.js';
import { stem } from '../nlp.js';

const AUX = /^(?:would|will|could|can|might|may|should|must|is|are|was|were|has|have|had|does|do|did)$/i;
const STOP = new Set('the a an of to in on for and or but with by from at as is are was were be been being that this which who whom whose it its their his her they he she we our not no did does do would will could can might may should must has have had than then so such into over under about after before while if whether how what when where why also more most very just only said says say there these those'.split(' '));

/** Content words of a text, stemmed, for matching topics and merging the same question across sources. */
export function termsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/[^a-z]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map(stem))];
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').replace(/^[\s,;:“”"‘’—–-]+|[\s,;:.“”"‘’—–-]+$/g, '').trim();
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A question stays on one clause: cut at a dash, semicolon, or a comma after a few words. */
const cut = (s: string): string => {
  const dash = s.search(/\s*[—–;]|\s+-\s+/);
  let out = dash > 0 ? s.slice(0, dash) : s;
  // Not at a thousands separator: "2,000 jobs" is one number.
  const comma = out.split(/,(?!\d{3}\b)/);
  if (comma.length > 1 && (comma[0] ?? '').split(/\s+/).length >= 4) out = comma[0] ?? out;
  return clean(out);
};
const DET_START = /^(?:The|This|That|These|Those|A|An|Its|His|Her|Their|Such|Some|Many)\b/;
const lowerStart = (s: string): string => (DET_START.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** "which countries Peru would seek help from" -> "Which countries would Peru seek help from?" */
function whQuestion(clause: string): string {
  const words = cut(clause).split(/\s+/);
  const wh = words[0] ?? '';
  let k = 1;
  if (/^(?:which|what|whose)$/i.test(wh) && words[1] && !AUX.test(words[1])) k = 2;
  if (/^how$/i.test(wh) && /^(?:many|much|long|often|far)$/i.test(words[1] ?? '')) k = 2;
  const auxAt = words.findIndex((w, i) => i >= k && AUX.test(w));
  if (auxAt > k) {
    const aux = words[auxAt] ?? '';
    const moved = [...words.slice(0, k), aux, ...words.slice(k, auxAt), ...words.slice(auxAt + 1)];
    return `${cap(moved.join(' '))}?`;
  }
  return `${cap(words.join(' '))}?`;
}

/** "whether X is Y or Z" -> "Is X Y or Z?" */
function yesNo(clause: string): string {
  const words = cut(clause).split(/\s+/);
  const auxAt = words.findIndex((w) => AUX.test(w));
  if (auxAt > 0 && auxAt < 8) {
    const aux = words[auxAt] ?? '';
    return `${cap([aux.toLowerCase(), ...words.slice(0, auxAt), ...words.slice(auxAt + 1)].join(' '))}?`;
  }
  return `Will ${clause}?`;
}

/** Subject of a sentence: the words before its first auxiliary or modal. */
function subjectOf(sentence: string): string | undefined {
  const which = /\b((?:his|her|its|their|the|this|that)\s+[a-z]+(?:\s+[a-z]+)?),\s+which\s+(?:now\s+)?(?:must|requires|needs|would)/i.exec(sentence);
  if (which?.[1]) return which[1];
  const m = /^(.{3,80}?)\s+(?:would|will|could|can|might|may|must|is|are|was|were|has|have|had|requires|remains?|faces|needs?)\b/i.exec(sentence);
  const subj = m?.[1] ? clean(m[1].replace(/^(?:however|but|and|yet|still|meanwhile|although|while),?\s+/i, '').replace(/,?\s+however,?/i, '')) : undefined;
  return subj && subj.split(/\s+/).length <= 8 && !/\b[a-z]+ed\b|,/.test(subj) ? subj : undefined;
}

interface Cue {
  cue: string;
  re: RegExp;
  ask: (m: RegExpExecArray, sentence: string) => string | undefined;
}

/** Ordered: the first cue that matches a sentence words its question. */
const CUES: Cue[] = [
  { cue: 'not said', re: /\b(?:did not|didn't|does not|doesn't|would not|declined to|refused to|has not|have not|had not|did not immediately)\s+(?:say|said|specify|specified|disclose|disclosed|reveal|revealed|name|named|identify|identified|explain|explained|detail|detailed|confirm|confirmed|clarify|clarified|indicate|indicated)\s+((?:which|what|how|when|where|who|whether|why|if)\b[^.;]*)/i, ask: (m) => (m[1] ? (/^(?:whether|if)\b/i.test(m[1]) ? yesNo(clean(m[1].replace(/^(?:whether|if)\s+/i, ''))) : whQuestion(clean(m[1]))) : undefined) },
  { cue: 'unclear', re: /\b(?:remains?|is|are|was|were|still)\s+(?:unclear|unknown|uncertain|undecided|unresolved|to be seen|in doubt|undetermined|not known|not clear)\b(?:\s+(?:on|as to|about)?\s*((?:how|what|which|when|where|who|whether|why|if)\b[^.;]*))?/i, ask: (m, s) => {
    if (m[1]) return /^(?:whether|if)\b/i.test(m[1]) ? yesNo(clean(m[1].replace(/^(?:whether|if)\s+/i, ''))) : whQuestion(clean(m[1]));
    const w = /^(?:while\s+)?(?:whether|how|what|which|who|why|when)\s+(.*?)\s+(?:remains?|is|are)\s+(?:unclear|unknown|uncertain|to be seen)/i.exec(s);
    if (w?.[1]) return /^whether/i.test(s.trim()) ? yesNo(clean(w[1])) : whQuestion(clean(s.slice(0, s.search(/\s+(?:remains?|is|are)\s+(?:unclear|unknown)/i))));
    const subj = subjectOf(s);
    return subj ? `What is known about ${subj.replace(/^(?:the|details?)\s+/i, '')}?` : undefined;
  } },
  { cue: 'whether', re: /\b(?:whether|if)\s+([^.;]{10,})\s+(?:remains|is|are)\s+(?:unclear|unknown|uncertain|to be seen|an open question)/i, ask: (m) => (m[1] ? yesNo(clean(m[1])) : undefined) },
  { cue: 'pending approval', re: /\b(?:must|would have to|has to|needs? to|still needs? to)\s+be\s+(?:approved|debated|ratified|passed|signed|confirmed|voted on|reviewed|decided)|\brequires?\s+(?:the\s+)?approval\b|\bif approved\b|\bawaits?\b|\bpending\b|\bhas yet to\b|\bhave yet to\b|\bnot yet\b/i, ask: (_m, s) => {
    const subj = subjectOf(s);
    return subj ? `Will ${lowerStart(subj)} be approved?` : undefined;
  } },
  { cue: 'upcoming vote', re: /\b(?:runoff|run-off|referendum|upcoming (?:election|vote|elections)|second round|will go to (?:a )?(?:runoff|vote|the polls)|prepares? for (?:its |the )?(?:\w+ )?elections?|inconclusive)\b/i, ask: (_m, s) => {
    const when = new RegExp(`\\b(${MONTH})\\s+(?:runoff|run-off|election|vote|referendum)|\\b(?:runoff|run-off|elections?|vote|referendum)\\s+(?:\\w+\\s+){0,3}(?:in|on)\\s+(${MONTH}(?:\\s+\\d{1,2})?)`).exec(s);
    const what = /\brunoff|run-off|second round/i.test(s) ? 'runoff' : /\breferendum/i.test(s) ? 'referendum' : 'election';
    const at = when?.[1] ?? when?.[2];
    return `Who will win the ${at ? `${at} ` : ''}${what}, and what will it change?`;
  } },
  { cue: 'alternative', re: /\b(?:suggest|recommend|urge|advocate|argue|propose)s?\s+(?:that\s+)?([^.;]{5,160}?)\s+rather than\s+([^.;,]{3,80})/i, ask: (m) => {
    const x = clean(m[1] ?? '');
    if (/\bshould\b/.test(x)) return `${yesNo(x).replace(/\?$/, '')} rather than ${clean(m[2] ?? '')}?`;
    return `Should ${x} come before ${clean(m[2] ?? '')}?`;
  } },
  { cue: 'warning', re: /\bwarn(?:s|ed)?\s+against\s+(\w+ing\b[^.;,]{5,120})/i, ask: (m) => `Is ${clean(m[1] ?? '')} the right approach?` },
  { cue: 'disputed', re: /\b(?:are|is|were|remain)\s+(?:mixed|divided|split|disputed|contested)\b|\bnot everyone agrees\b|\bcritics (?:say|argue|warn)\b|\bwarn(?:s|ed)? against\b|\bskeptical\b|\bsceptical\b/i, ask: (_m, s) => {
    const subj = subjectOf(s)?.replace(/^(?:local\s+)?(?:perspectives|views|opinions|attitudes)\s+(?:on|about)\s+/i, '');
    return subj && !/^(?:others?|some|they|it|this)$/i.test(subj) ? `Is there agreement on ${lowerStart(subj)}?` : undefined;
  } },
  { cue: 'concerns', re: /\b(?:voiced|raised|expressed|echoed|cited|shared|flagged|has|have|had)\s+(?:(?:growing|serious|some|similar|new)\s+)?(?:concerns?|doubts?|worries|reservations|misgivings)\s+(about|over|regarding|that)\s+([^.;]{5,160})/i, ask: (m) => {
    const what = cut(clean(m[2] ?? ''));
    return what ? `Are concerns ${m[1] === 'that' ? 'that' : 'about'} ${what} warranted?` : undefined;
  } },
  { cue: 'may', re: /^(.{3,140}?)\s+(could|may|might)\s+(?!also\b)((?:not\s+)?(?:be|have|face|determine|decide|facilitate|shift|change|follow|lead|mean|translate|affect|derail|delay|end|rise|fall|climb|grow|worsen|increase)\b[^.;]*)/i, ask: (m) => {
    const subj = clean((m[1] ?? '').replace(/^.*\b(?:suggest(?:s|ed)?|says?|said|indicat(?:es?|ed)|show(?:s|ed)?|believ(?:es?|ed)|think(?:s)?|thought|warn(?:s|ed)?|argu(?:es?|ed)|fear(?:s|ed)?)\s+(?:that\s+)?/i, '').replace(/^(?:however|but|and|yet|still),?\s+/i, ''));
    if (!subj || !m[3]) return undefined;
    const short = subj.split(/\s+/).length > 10 ? /^((?:the|this|that|these|those|a|an|its|his|her|their)\s+\w+)/i.exec(subj)?.[1] : subj;
    if (!short) return undefined;
    return `${cap(m[2]?.toLowerCase() === 'could' ? 'could' : 'will')} ${lowerStart(short)} ${cut(m[3].replace(/^not\s+/i, ''))}?`;
  } },
];

/** Stands for a dot inside the sentence while cues match: a decimal point or an abbreviation's. */
const INNER_DOT = '\u2024';

/** The open question a sentence raises, if it raises one. */
export function questionOf(raw: string, file: string, quote: string): QuestionMention | undefined {
  // The cues stop at a dot to stay in the sentence; inside one sentence, a dot before the end is "$1.5" or "U.S.".
  const sentence = raw.replace(/\.(?=.*\w)/g, INNER_DOT);
  const q = questionOfMasked(sentence, file, quote);
  return q && { ...q, question: q.question.replaceAll(INNER_DOT, '.') };
}

function questionOfMasked(sentence: string, file: string, quote: string): QuestionMention | undefined {
  if (/\?\s*$/.test(sentence) && sentence.length < 300) {
    return { question: clean(sentence).replace(/[“”"]/g, '') + (sentence.trim().endsWith('?') ? '' : '?'), cue: 'asked', terms: termsOf(sentence), evidence: { file, quote } };
  }
  for (const c of CUES) {
    const m = c.re.exec(sentence);
    if (!m) continue;
    const q = c.ask(m, sentence);
    if (!q) continue;
    // Questions about the same thing share a key: "not said:which countries", "upcoming vote".
    const key = c.cue === 'not said' ? `${c.cue}:${q.split(/\s+/).slice(0, 2).join(' ').toLowerCase()}` : c.cue === 'upcoming vote' ? c.cue : c.cue;
    return { question: q.replace(/\s+([,.?])/g, '$1').replace(/\?+$/, '?'), cue: key, terms: termsOf(sentence), evidence: { file, quote } };
  }
  return undefined;
}
