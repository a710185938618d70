/**
 * How some cues word their question from a match: an embedded wh- or whether-clause, the subject of a
 * pending decision, how long something will take, when it will happen, what a modal speculates.
 */
import { anyOf, capitalise } from '../text.js';
import { asSubject, cutClause, mainSubject, participle, subjectAt, tidy, whQuestion, yesNoQuestion } from './question-grammar.js';

/** First-person words: a question that holds one is the speaker's, not the reader's. */
export const FIRST_PERSON = /\b(?:I|[Ww]e|[Yy]ou|us|me|[Oo]ur|[Mm]y|[Yy]our)\b/;

/** An embedded wh- or whether-clause as a question; a pronoun subject becomes the sentence's subject. */
export function embedded(clause: string, sentence: string): string | undefined {
  const infinitive = /^(whether|how|when)\s+to\s+(.+)$/i.exec(clause);
  if (infinitive) return toDo(infinitive[1] ?? '', infinitive[2] ?? '', sentence);
  if (/^(?:whether|if)\b/i.test(clause)) {
    const q = yesNoQuestion(clause);
    return q && !FIRST_PERSON.test(q) ? q : undefined;
  }
  const q = whQuestion(clause, mainSubject(sentence));
  // "What happened?" asks nothing a reader can act on; "Can we reopen?" is the speaker's, not the reader's.
  return /^what happened\b/i.test(q) || q.split(/\s+/).length < 3 || FIRST_PERSON.test(q) ? undefined : q;
}

/** A verb, the noun phrase it takes (no preposition in it) and what comes after: "rebuild the old bridge by 2028". */
const VERB_OBJECT = /^([a-z]+)\s+((?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?[\w-]+?)((?:\s+(?:by|in|on|at|with|after|before|for|from|until)\b.*)?)$/i;

/**
 * "whether to rebuild the bridge": who is to do it is the sentence's subject ("Will the board
 * rebuild the bridge?"); with none ("No decision has been made on whether to..."), what it is done to
 * ("Will the bridge be rebuilt?").
 */
function toDo(wh: string, rest: string, sentence: string): string | undefined {
  const vp = cutClause(rest);
  const subj = mainSubject(sentence);
  const ask = wh.toLowerCase() === 'whether' ? 'Will' : `${capitalise(wh.toLowerCase())} will`;
  if (subj && !/^(?:no|none|it|this|that|there|officials?|sources?)\b/i.test(subj)) return tidy(`${ask} ${asSubject(subj)} ${vp}`);
  const m = VERB_OBJECT.exec(vp);
  return m ? tidy(`${ask} ${m[2] ?? ''} be ${participle(m[1] ?? '')}${m[3] ?? ''}`) : undefined;
}

/** The subject behind a pending decision: "the proposal, however, requires" -> "the proposal". */
export function decisionSubject(sentence: string): string | undefined {
  const which = /\b((?:his|her|its|their|the|this|that)\s+[a-z]+(?:\s+[a-z]+)?),\s+which\s+(?:now\s+)?(?:must|requires|needs|would)/i.exec(sentence);
  if (which?.[1]) return which[1];
  const m = /^(.{3,80}?)\s+(?:would|will|could|can|might|may|must|is|are|was|were|has|have|had|requires|remains?|faces|needs?)\b/i.exec(sentence);
  const subj = m?.[1]
    ? m[1]
        .replace(/^(?:however|but|and|yet|still|meanwhile|although|while),?\s+/i, '')
        .replace(/,?\s+however,?/i, '')
        .trim()
    : undefined;
  return subj && subj.split(/\s+/).length <= 8 && !/\b[a-z]+ed\b|,/.test(subj) ? subj : undefined;
}

/** "How long will production take to ramp up?" from a sentence that says it will take time. */
export function howLong(m: RegExpExecArray, sentence: string): string | undefined {
  const forWhom = m[2];
  const vp = m[3] ? cutClause(m[3]) : undefined;
  if (forWhom && vp) return tidy(`How long will it take for ${asSubject(forWhom)} to ${vp}`);
  const subj = subjectAt(sentence, m.index);
  const dummy = !subj || /^it$/i.test(subj) || /\bit\s*$/i.test(sentence.slice(0, m.index));
  if (vp) return tidy(dummy ? `How long will it take to ${vp}` : `How long will ${asSubject(subj)} take to ${vp}`);
  // "many factories will recover activity tomorrow, although some will take longer"
  const before = sentence.slice(0, m.index);
  const ellipsis = /\b(?:many|most|several|some|all)\s+([a-z]+)\s+(?:will|would|can|could|should|may|might)\s+([a-z]+(?:\s+[a-z]+)*)/i.exec(before);
  if (ellipsis?.[1] && ellipsis[2] && /\b(?:some|others|many|several)\s*$/i.test(before)) {
    const verb = ellipsis[2].replace(/\s+(?:on|by|next|this|from|until|in|within|tomorrow|today|tonight|soon|again|later)\b.*$/i, '');
    return tidy(`How long will some ${ellipsis[1]} take to ${verb}`);
  }
  return dummy || /^(?:some|others|many|several|they|this|that)$/i.test(subj) ? undefined : tidy(`How long will ${asSubject(subj)} take`);
}

/** "workers can return as soon as Wednesday or as late as Friday" -> "When will workers return?" */
export function when(m: RegExpExecArray, sentence: string): string | undefined {
  const before = sentence.slice(0, m.index);
  const modal = /\b(can|could|will|would|may|might|should|are (?:expected|set|due) to|is (?:expected|set|due) to)\s+((?:[a-z]+\s+){0,6}?[a-z]+)\s*$/i.exec(
    before,
  );
  if (!modal?.[2]) return undefined;
  const subj = subjectAt(sentence, modal.index);
  if (!subj) return undefined;
  return tidy(`When will ${asSubject(subj.replace(/^according to [^,]+,\s*/i, ''))} ${modal[2]}`);
}

/** Words before a modal that make it narrate the past, not open a question. */
const BACKGROUND = new RegExp(
  String.raw`\b${anyOf([
    /had\s+(?:warned|said|feared|predicted|suggested|argued|cautioned|estimated|expected)\b[^;]*/,
    /(?:after|before|since|until|once)\s+(?:[a-z]+ing\b|[a-z]+\s+[a-z]+ed\b)[^,;]*/,
    /so\s+(?:that\s+)?[a-z]+/,
    /if\s+[^,;]*/,
  ])}$`,
  'i',
);

/**
 * Verbs that say what could happen to a story, not what someone may do: after "could" or "may" they
 * speculate ("prices could rise") where other verbs grant leave ("voters may cast ballots until 8").
 */
const OUTCOME_VERBS = new Set(
  (
    'rise fall climb grow increase decrease drop decline double triple worsen improve reach exceed top hit cost last take spread affect hurt harm ' +
    'damage delay derail disrupt threaten undermine trigger spark prompt force lead mean change shift determine decide end face lose see push ' +
    'strengthen weaken collapse fail halt stall slow jeopardize jeopardise complicate escalate resume continue facilitate pave cause result ' +
    'translate weigh dampen boost drive send leave run become come happen occur follow emerge signal cut reduce raise limit prevent stop ' +
    'block delay postpone derail collapse surge soar plunge sink tumble jump widen deepen intensify persist linger return recover reopen ' +
    'cripple overwhelm flood destroy kill wipe spell upend reshape alter fuel worsen exacerbate undercut erode struggle need require'
  ).split(' '),
);

/** "officials warn the toll could rise" -> "Could the toll rise?" */
export function modalQuestion(m: RegExpExecArray, sentence: string): string | undefined {
  const before = sentence.slice(0, m.index).trim();
  if (BACKGROUND.test(before) || /\b(?:couldn't|cannot|can't)\b/.test(m[0])) return undefined;
  // "there was no chance that anyone could be saved" says it could not.
  if (/\bno\s+(?:chance|way|hope|possibility|prospect)\s+(?:that\s+)?[^,;]{0,40}$/i.test(before)) return undefined;
  // "there was a good chance the infection could be halted" judges the odds; "300 people who may have been in contact" describes them.
  // "everything that he could have done": a relative clause describes, it asks nothing.
  if (
    /\b(?:good|strong|high|real|every|little|slim)\s+chance\s+(?:that\s+)?[^,;]{0,40}$/i.test(before) ||
    /\b(?:who|which|that)(?:\s+(?:he|she|it|they|we|you|i))?$/i.test(before)
  )
    return undefined;
  // "it could have been even worse": a past that did not happen.
  if (/^have\s+been\s+(?:even\s+|far\s+|much\s+|a lot\s+)?(?:worse|better|higher|lower|larger|bigger|deadlier)\b/i.test(m[2] ?? '')) return undefined;
  // "could cost between $250 and $275 billion": an estimate, told as a figure, not a question.
  if (/^(?:cost|total|reach|top|exceed|amount)\b[^,;]*\d/i.test(m[2] ?? '')) return undefined;
  const subj = subjectAt(sentence, m.index);
  // "with fears it could climb higher": a pronoun right before the modal is the subject.
  if (!subj || /(?:^|\s)(?:it|this|that|they|which|who|some|others|he|she|we|you|i)$/i.test(subj)) return undefined;
  const rest = cutClause((m[2] ?? '').replace(/^not\s+/i, ''));
  const verb = (rest.replace(/^(?:still|well|even|yet)\s+/i, '').split(/\s+/)[0] ?? '').toLowerCase();
  if (!verb || /^(?:be|have)$/i.test(rest)) return undefined;
  // "could be", "may have been" and "might" speculate; "could apply" or "may cast ballots" grant leave.
  if (m[1] !== 'might' && !/^(?:be|have)$/.test(verb) && !OUTCOME_VERBS.has(verb)) return undefined;
  const words = subj.split(/\s+/);
  // A long subject keeps its head: "a massive power outage that struck ..." -> "the massive power outage".
  const head = words.length > 8 ? subj.replace(/\s+(?:that|which|who)\s+.*$/i, '') : subj;
  if (head.split(/\s+/).length > 8) return undefined;
  // "A landslide that buried the road" is a known one; "a shift in policy" may never come.
  const at = sentence.indexOf(head);
  const known = at >= 0 && /^\s+(?:that|which|who)\b/.test(sentence.slice(at + head.length));
  return tidy(`Could ${asSubject(head, !known)} ${rest}`);
}
