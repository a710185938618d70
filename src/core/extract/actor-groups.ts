/** Collective actors named in lower case: "drug cartels", "criminal gangs", "the national police", "allied countries". */
import type { ActorMention } from '../model.js';
import type { Sentence, Token } from '../nlp.js';
import { isCap, joinTokens, predicateAfter } from './actor-roles.js';
import { isQuantifier } from './actor-words.js';
import { countryOf } from './gazetteer.js';
import { anyOf } from '../text.js';

/** Nouns that head a collective actor. */
export const GROUP_HEAD = new RegExp(
  `^${anyOf([
    /cartels?|gangs?|groups?|militias?|rebels|guerrillas|syndicates/,
    /police|military|army|troops/,
    /government|presidency|congress|parliament|assembly|legislature|court|ministry/,
    /countries|nations|allies|peacekeepers/,
  ])}$`,
  'i',
);
const CRIME = /crim|drug|gang|armed|terror|narco|traffick|mafia|cartel/i;

/** What a group mention needs from its sentence. */
export interface GroupSite {
  file: string;
  quote: string;
}

/** A collective actor headed by the lower-case noun at `h`, or undefined. */
export function groupMention(tokens: readonly Token[], h: number, s: Sentence, site: GroupSite): ActorMention | undefined {
  const head = tokens[h];
  if (!head || isCap(head) || head.pos !== 'NOUN') return undefined;
  const after = tokens[h + 1];
  if (after && after.pos === 'NOUN' && !isCap(after)) return undefined; // "police dogs", "military assistance"
  const mods: Token[] = [];
  for (let k = h - 1; k >= 0 && mods.length < 3; k--) {
    const t = tokens[k];
    if (
      !t ||
      !(
        t.pos === 'ADJ' ||
        t.pos === 'NOUN' ||
        (t.pos === 'VERB' && /ed$/.test(t.lower)) ||
        (t.pos === 'PROPN' && countryOf(t.text)) ||
        /^[a-z]+-[a-z]+$/.test(t.text)
      )
    )
      break;
    if (isQuantifier(t.lower)) break;
    if (isCap(t) && !countryOf(t.text)) break;
    mods.unshift(t);
  }
  const country = mods.map((m) => countryOf(m.text)).find(Boolean);
  const modWords = mods.filter((m) => !countryOf(m.text)).map((m) => m.lower);
  const h0 = head.lower;
  const name = joinTokens([...mods, head], s.text);
  const subject = predicateAfter(tokens, h + 1, s.text, h - mods.length);
  const make = (kind: ActorMention['kind'], key: string): ActorMention => ({
    name,
    kind,
    key,
    role: subject,
    subject: Boolean(subject),
    evidence: { file: site.file, quote: site.quote },
  });
  const det = tokens[h - 1 - mods.length]?.lower ?? '';
  if (/^cartels?$/.test(h0)) return make('group', 'group:cartel');
  if (/^(?:gangs?|syndicates|militias?|rebels|guerrillas)$/.test(h0)) return make('group', `group:${h0.replace(/s$/, '')}`);
  if (/^groups?$/.test(h0)) {
    if (modWords.some((w) => CRIME.test(w))) return make('group', 'group:gang');
    if (modWords.length && modWords.join(' ') === 'human rights') return make('group', 'group:human rights');
    return undefined;
  }
  if (/^(?:countries|nations|allies)$/.test(h0)) {
    return modWords.includes('allied') || h0 === 'allies' ? make('group', 'group:allies') : undefined;
  }
  if (modWords.includes('foreign') && h0 !== 'ministry') return undefined;
  if (h0 === 'police') return make('institution', `generic:police:${country ?? ''}:`);
  if (/^(?:military|army|troops)$/.test(h0) || (h0 === 'forces' && modWords.includes('armed'))) {
    if (!country && !/^(?:the|its|their)$/.test(det) && !modWords.includes('armed')) return undefined;
    return make('institution', `generic:military:${country ?? ''}:`);
  }
  if (/^(?:government|presidency)$/.test(h0)) {
    if (!country && det !== 'the') return undefined;
    return make('institution', `generic:executive:${country ?? ''}:`);
  }
  if (/^(?:congress|parliament|assembly|legislature)$/.test(h0)) return make('institution', `generic:legislature:${country ?? ''}:`);
  if (h0 === 'court' && det === 'the') return make('institution', `generic:court:${country ?? ''}:`);
  if (h0 === 'ministry' && modWords.length) return make('institution', `generic:ministry:${country ?? ''}:${modWords.join(' ')}`);
  return undefined;
}
