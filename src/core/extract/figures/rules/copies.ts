/**
 * Rules that give a number the measure of another: "that figure", "up from 87", "from 13.7 ... to 46.18",
 * "including 17,000 in Everett", "(11.8 meters)", the next value of a list.
 */
import { isPeopleNoun } from '../lexicon.js';
import { phraseAt, placeAfter } from '../phrase.js';
import { baseLabel, stateRowOf } from '../label.js';
import type { MeasureContext, MeasureRule } from './tools.js';
import { whoOf } from './states.js';

/** Words before a number that make it a part of the one before ("including about 17,000", "of whom 12 children and"). */
const INCLUDING_BEFORE =
  /\b(?:including|of whom|of which|among them|along with|as well as)\s+(?:(?:about|nearly|some|more than|at least)\s+)?(?:[\d,]+\s+[a-z]+\s+and\s+)?$/i;

/**
 * "from 13.7 in 2021 to", with no verb of its own between: in "the toll from Friday's magnitude 6.8
 * quake has risen to", the "from" names the quake, and what rose is the toll.
 */
/** A number in words, as a change's start may be written ("from six per 100,000"). */
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen)';
const FROM_TO = new RegExp(
  // "from" a number ("from 13.7", "from about six"), not a place: "a substation away from the airport cut power to 60,000 homes".
  String.raw`\bfrom\s+(?=(?:[a-z]+\s+){0,2}(?:[$€£¥]?\d|${NUMBER_WORD}\b))(?:(?!\b(?:has|have|had|is|are|was|were|will|would)\s)[^;])*?\bto\s+` +
    String.raw`(?:(?:a|an|the|about|nearly|some|more than|at least|almost)\s+)?(?:record\s+)?(?:high\s+of\s+|low\s+of\s+)?$`,
  'i',
);

/** "up from 87", "down from about 90", "compared with about 30". */
const UP_FROM = /\b(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+(?:(?:about|nearly|some|more than|at least)\s+)?$/i;

/** "to 2.3% in April from", "to $69.95, from": the level a change reached, then where it started. */
const LEVEL_THEN_FROM = /\bto\s+[^;]*?\bfrom\s+(?:(?:about|nearly|some|more than|at least)\s+)?$/i;

/** Whether the text before the number says where the change it follows started: "to X ... from", with no verb between (no new clause). */
function startOfChange(c: MeasureContext): boolean {
  const m = LEVEL_THEN_FROM.exec(c.before);
  return !!m && !c.s.tokens.some((t) => t.start >= m.index && t.start < c.n.start && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "That figure dropped to 38 per 100,000": the measure of the sentence before.
    id: 'measure.anaphor',
    read: (c) => {
      const prior = c.carried;
      if (
        !prior ||
        !/\b(?:that|this|the same)\s+(?:figure|number|rate|level|total|count|tally)\b/i.test(c.before) ||
        /\b(?:rate|figure|number|total)\s+of\b/i.test(c.before)
      )
        return undefined;
      return (prior.kind === 'rate') === (c.q.kind === 'rate') ? { ...prior, rule: 'measure.anaphor' } : undefined;
    },
  },
  {
    // "94 fatalities, up from 87", "36 points, compared with about 30": a baseline measures what the value before it does.
    // So does the start of a change told end first: "inflation fell to 2.3% in April from 2.6% in March".
    id: 'measure.baseline',
    read: (c) =>
      c.previous && (UP_FROM.test(c.before) || (/level$/.test(c.previous.rule) && startOfChange(c))) ? { ...c.previous, rule: 'measure.baseline' } : undefined,
  },
  {
    // "rising from 13.7 per 100,000 in 2021 to 46.18 in 2023": the value a change ends at measures what it starts at.
    id: 'measure.from-to',
    read: (c) => (c.previous && FROM_TO.test(c.before) && (c.previous.kind ?? c.q.kind) !== 'change' ? { ...c.previous, rule: 'measure.from-to' } : undefined),
  },
  {
    // "may cost between $250 and $275 billion": the end of a range measures what its start does.
    id: 'measure.range',
    read: (c) => (c.previous && c.n.range?.between && !c.n.range.first ? { ...c.previous, rule: 'measure.range' } : undefined),
  },
  {
    // "33,000 members, including 17,000 in Everett": a part of what the value before counts.
    id: 'measure.including',
    read: (c) => {
      if (!c.previous || !INCLUDING_BEFORE.test(c.before)) return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const row = stateRowOf(c.previous.measure.head);
      // "... confirmed dead, including 38 adults and 21 children": which people a state count holds.
      // "..., including 23 people in South Carolina": the part's own place.
      if (np && row && isPeopleNoun(np.head.toLowerCase())) {
        const scope = placeAfter(c.s.tokens, np.next, c.s.text);
        return {
          rule: 'measure.including',
          measure: { ...c.previous.measure, who: whoOf([...np.modifiers, np.head].join(' ')), ...(scope ? { scope } : {}) },
          kind: 'count',
        };
      }
      if (np) return undefined;
      const scope = placeAfter(c.s.tokens, c.next, c.s.text);
      if (scope)
        return { ...c.previous, rule: 'measure.including', measure: { ...c.previous.measure, scope }, label: c.previous.label?.replace(/ in .*$/, '') };
      // "At least 237 have been rescued, including 167 by helicopter".
      const by = /^\s*(by|via|in|on)\s+((?:[a-z-]+\s?){1,3})/i.exec(c.after);
      if (!by?.[2]) return undefined;
      const how = `${(by[1] ?? '').toLowerCase()} ${by[2].trim().toLowerCase()}`;
      return {
        ...c.previous,
        rule: 'measure.including',
        measure: { ...c.previous.measure, modifiers: [...c.previous.measure.modifiers, how] },
        label: `${baseLabel(c.previous)} ${how}`,
      };
    },
  },
  {
    // "€1.6 billion ($1.8 billion)", "roughly 14% (€575 million)": the same measure in another unit.
    id: 'measure.conversion',
    read: (c) =>
      c.previous && /\(\s*$/.test(c.before)
        ? // "fell 1,679 points (4%)": a change in another unit is still a change.
          { ...c.previous, rule: 'measure.conversion', kind: c.q.kind === c.previous.kind || c.previous.kind === 'change' ? c.previous.kind : c.q.kind }
        : undefined,
  },
  {
    // "an increase in X ... from 24,936 in 2022 to 124,023 in 2024": the next value in a list.
    id: 'measure.list',
    read: (c) => {
      const prior = c.previous;
      if (!prior || prior.kind === 'change') return undefined;
      // "... and 11 resulted from the Eaton Fire": an item said to come from its own place is still bare.
      const part = PART_SCOPE.exec(c.after)?.[1];
      const bare = Boolean(part) || /^\s*(?:$|[,.;:)—–]|(?:in|last|this|next|since|during|from|to|on|at|and|or|a|the|per|according)\b)/i.test(c.after);
      if (!bare || !/(?:\b(?:to|and|or|from|then)|,)\s+(?:(?:a|an|the|about|nearly|some|more than|at least|another)\s+)?(?:record\s+)?$/i.test(c.before))
        return undefined;
      // "21 people, 16 from the Eaton Fire and five from the Palisade Fire": an item with a place or source of its own is a part.
      return part ? { ...prior, measure: { ...prior.measure, scope: part }, rule: 'measure.list' } : { ...prior, rule: 'measure.list' };
    },
  },
  {
    // "10 deaths have been confirmed, while another 14 are under investigation": more of the same, in another state.
    id: 'measure.another',
    read: (c) => {
      const prior = c.previous;
      const state = /^\s+(?:are|were|is|was|remain|remained)\s+(?:still\s+)?((?:under|being)\s+[a-z]+|[a-z]+ed)\b/i.exec(c.after)?.[1]?.toLowerCase();
      if (!prior || !state || !/\banother\s+$/i.test(c.before)) return undefined;
      return {
        ...prior,
        rule: 'measure.another',
        measure: { ...prior.measure, modifiers: [...prior.measure.modifiers, state] },
        label: `${baseLabel(prior)} ${state}`,
      };
    },
  },
];

/** "16 from the Eaton Fire", "12 in the Eaton Fire area": a list item's own source or place, a name and an optional head word. */
const PART_SCOPE =
  /^\s+(?:(?:resulted|came|were|was)\s+)?(?:from|in|at)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*(?:\s+(?:area|region|district|county|zone))?)\b/;
