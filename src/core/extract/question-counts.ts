/**
 * Cues for what is not yet known about counts and timing: no official count, a figure not final
 * until a process ends, more of something expected, something due to begin soon, concerns that grew.
 * Part of the cue table in questions.ts.
 */
import { asSubject, cutClause, subjectAt, tidy } from './question-grammar.js';
import type { Cue } from './question-words.js';

export const COUNT_CUES: readonly Cue[] = [
  {
    // "A vaccine trial is slated to begin soon", "the trial will soon get underway".
    id: 'soon',
    anchors: ['soon'],
    re: new RegExp(
      String.raw`\b(?:(?:is|are)\s+(?:slated|scheduled|set|due|expected)\s+to\s+(begin|start|open|resume|get\s+underway)\s+soon|` +
        String.raw`will\s+soon\s+(begin|start|open|resume|get\s+underway))\b`,
      'i',
    ),
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      const verb = (m[1] ?? m[2] ?? '').replace(/^get\s+underway$/i, 'begin');
      return subj && verb && !/^(?:it|this|that|they)$/i.test(subj) ? tidy(`When will ${asSubject(subj)} ${verb}`) : undefined;
    },
  },
  {
    // "Concerns about possible international spread were heightened".
    id: 'concerns grew',
    anchors: ['concern concerns fears worries'],
    re: /\b(?:concerns?|fears?|worries)\s+(about|over|of)\s+([^,;]{5,80}?)\s+(?:were|was|have\s+been|has\s+been|grew|mounted|rose)\b/i,
    ask: (m) => {
      const what = cutClause(m[2] ?? '');
      return what ? tidy(`Are concerns about ${what} warranted`) : undefined;
    },
  },
  {
    // "There was no official count of those killed", "no confirmation about the number of dead".
    id: 'no count',
    anchors: ['count tally figure number total confirmation'],
    re: new RegExp(
      String.raw`\bno\s+(?:official\s+|exact\s+|final\s+|firm\s+|confirmed\s+|precise\s+)?(?:count|tally|figure|number|total|confirmation)\s+` +
        String.raw`(?:yet\s+)?(?:of|about|on|for)\s+(?:the\s+(?:number|toll)\s+of\s+)?([a-z][^,;]{2,60})`,
      'i',
    ),
    ask: (m) => {
      const what = cutClause(m[1] ?? '');
      const done = /^(?:those|people|the people)\s+([a-z]+ed)\b/i.exec(what)?.[1];
      if (done) return { question: tidy(`How many people were ${done}`), key: `count:${done}` };
      if (/^(?:the\s+)?dead\b/i.test(what)) return { question: 'How many people died?', key: 'count:killed' };
      return what.split(/\s+/).length <= 5 ? tidy(`What is the number of ${what}`) : undefined;
    },
  },
  {
    // "The official casualty number will not be finalised until the slow process of DNA identification is completed."
    id: 'not until',
    anchors: ['until'],
    re: /\b(?:will|would|can|could)\s+not\s+be\s+([a-z]+(?:ed|en))\s+until\b/i,
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      return subj && m[1] && !/^(?:it|this|that|they)$/i.test(subj) ? tidy(`When will ${asSubject(subj)} be ${m[1]}`) : undefined;
    },
  },
  {
    // "The death toll and injuries are expected to rise", "the number of victims is likely to climb": the count is not final.
    id: 'toll to rise',
    anchors: ['toll tolls number deaths casualties injuries dead', 'expected likely set feared certain bound'],
    re: new RegExp(
      String.raw`\b(death\s+toll|toll|number\s+of\s+(?:dead|deaths|casualties|victims|injured)|casualty\s+(?:count|figures?)|deaths|injuries)\b[^.;:]{0,40}?` +
        String.raw`\b(?:is|are|was|were)\s+(?:widely\s+)?(?:expected|likely|set|feared|certain|bound)\s+to\s+(?:rise|climb|grow|increase|go\s+up)\b`,
      'i',
    ),
    ask: (m) => {
      const what = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      return tidy(`Will the ${/^(?:deaths|injuries)$/.test(what) ? `number of ${what}` : what} rise further`);
    },
  },
  {
    // "there were likely to be many more confirmed deaths".
    id: 'more to come',
    anchors: ['likely expected'],
    re: new RegExp(
      String.raw`\bthere\s+(?:are|were|is|was|will\s+be)\s+(?:likely|expected)\s+to\s+be\s+[“"]?(?:many\s+|far\s+)?more[”"]?\s+([a-z][^,;]{2,80})`,
      'i',
    ),
    ask: (m) => {
      const what = cutClause(m[1] ?? '').replace(/["“”]/g, '');
      return what && what.split(/\s+/).length <= 8 ? tidy(`Will there be more ${what}`) : undefined;
    },
  },
];
