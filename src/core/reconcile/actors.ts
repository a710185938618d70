/** Merges actor mentions across sources into one entry per actor. */
import { norm, orgKey } from '../extract/actors.js';
import { isAbbreviation } from '../extract/name-runs.js';
import type { Actor, ActorKind, ActorMention, Evidence } from '../model.js';
import { type KeyInfo, linkAliases } from './actor-aliases.js';
import { judge, type SingleForms } from './actor-evidence.js';
import { chooseRole } from './actor-roles.js';
import { foldAccents } from '../text.js';

const hasAccent = (s: string): boolean => s !== foldAccents(s);

/**
 * The names that are not acronyms, when one of them spells a name out ("National Weather Service"
 * over "NWS"); of those, proper names over common ones ("Varnian National Police" over "police").
 */
function spelledOut(names: readonly string[]): string[] {
  const words = names.filter((n) => !isAbbreviation(n));
  const spelled = words.some((n) => /\s/.test(n)) ? words : [...names];
  const proper = spelled.filter((n) => /^\p{Lu}/u.test(n));
  return proper.length ? proper : spelled;
}

/** Most frequent value; ties go to the longest, then to the one with accents (the fuller spelling). */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || Number(hasAccent(b[0])) - Number(hasAccent(a[0])))[0]?.[0];
}

function classParts(key: string): { named: boolean; cls: string; country: string; rest: string } | undefined {
  const m = /^(class|generic):([^:]+):([^:]*):(.*)$/.exec(key);
  return m ? { named: m[1] === 'class', cls: m[2] ?? '', country: m[3] ?? '', rest: m[4] ?? '' } : undefined;
}

/**
 * Resolves mention keys to actor keys: surnames to the full name that carries them, "X
 * administration" to person X, generic institutions ("the court", "congress") to the one named
 * institution of their class, and the home country's institutions to the unqualified ones.
 */
function resolveKeys(mentions: readonly ActorMention[]): Map<string, string> {
  const keys = new Set(mentions.map((m) => m.key));
  const out = new Map<string, string>();
  const persons = [...keys].filter((k) => k.startsWith('person:'));
  const fullBySurname = new Map<string, string[]>();
  for (const k of persons) {
    const [, last, first] = k.split(':');
    if (first) fullBySurname.set(last ?? '', [...(fullBySurname.get(last ?? '') ?? []), k]);
  }
  // A titled surname ("President Smith") stands for the person when no full name is known.
  for (const k of persons) {
    const [, last, first] = k.split(':');
    if (!first && !fullBySurname.has(last ?? '')) fullBySurname.set(last ?? '', [k]);
  }
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const count = (k: string): number => counts.get(k) ?? 0;
  for (const list of fullBySurname.values()) list.sort((a, b) => count(b) - count(a));
  const bySurname = (last: string): string | undefined => fullBySurname.get(last)?.[0];
  const countries = new Map<string, number>();
  for (const m of mentions) if (m.kind === 'country') countries.set(m.name, (countries.get(m.name) ?? 0) + 1);
  const home = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const named = [...keys].map((k) => ({ k, p: classParts(k) })).filter((x) => x.p?.named);
  for (const k of keys) {
    let target = k;
    if (k.startsWith('person:')) {
      const [, last, first] = k.split(':');
      if (!first) target = bySurname(last ?? '') ?? k;
    } else if (k.startsWith('single:')) {
      // A word read as a place ("near Hunt") is not the surname of a person named Hunt.
      const [, word, form] = k.split(':');
      target = (form === 'locative' ? undefined : bySurname(word ?? '')) ?? `single:${word ?? ''}`;
    } else if (k.startsWith('admin:')) {
      target = bySurname(k.slice(6)) ?? k;
    } else {
      const p = classParts(k);
      if (p) {
        const country = p.country === home ? '' : p.country;
        if (p.cls === 'military' || p.cls === 'police') {
          // "U.S. Air Force", "US troops", "the U.S. military": one actor per country's forces.
          target = `generic:${p.cls}:${country}:`;
        } else if (!p.named) {
          const candidates = named.filter(
            (x) => x.p?.cls === p.cls && (x.p.country === p.country || x.p.country === '' || x.p.country === home || country === ''),
          );
          const fit = candidates.filter((x) =>
            p.rest
              .split(' ')
              .filter(Boolean)
              .every((w) => x.p?.rest.includes(w)),
          );
          target = fit.length === 1 && fit[0] ? fit[0].k : `generic:${p.cls}:${country}:${p.rest}`;
        }
      }
    }
    out.set(k, target);
  }
  return out;
}

/** How each single capitalised word is used across the set: after "in", "near", "from"; at a sentence's start; elsewhere. */
function singleForms(all: readonly ActorMention[]): Map<string, SingleForms> {
  const forms = new Map<string, SingleForms>();
  for (const m of all) {
    if (!m.key.startsWith('single:')) continue;
    const [, word = '', form] = m.key.split(':');
    const f = forms.get(word) ?? { locative: 0, initial: 0, total: 0 };
    f.total++;
    if (form === 'locative') f.locative++;
    if (form === 'initial') f.initial++;
    forms.set(word, f);
  }
  return forms;
}

/** What linking needs to know of each resolved key. */
function keyInfos(mentions: readonly ActorMention[], keyOf: ReadonlyMap<string, string>): Map<string, KeyInfo> {
  const by = new Map<string, { names: string[]; kind: ActorKind; files: Set<string>; roles: string[]; counts: number[] }>();
  for (const m of mentions) {
    const key = keyOf.get(m.key) ?? m.key;
    const x = by.get(key) ?? { names: [], kind: m.kind, files: new Set<string>(), roles: [], counts: [] };
    if (m.count !== undefined) x.counts.push(m.count);
    x.names.push(m.name);
    x.files.add(m.evidence.file);
    if (m.kind !== 'person' && key === m.key) x.kind = m.kind;
    if (m.role && m.role.split(/\s+/).length <= 5) x.roles.push(m.role);
    by.set(key, x);
  }
  return new Map(
    [...by].map(([key, x]) => [
      key,
      { key, name: mostCommon(x.names) ?? key, kind: x.kind, mentions: x.names.length, files: x.files.size, roles: x.roles, counts: x.counts },
    ]),
  );
}

/** Acronym -> the keys of what the text says it stands for ("... Organizations (CEOE)"). */
function definitionsOf(mentions: readonly ActorMention[], keyOf: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!isAbbreviation(m.name) || m.key === orgKey(m.name)) continue;
    const letters = m.name.replace(/\./g, '');
    const set = out.get(letters) ?? new Set<string>();
    set.add(keyOf.get(m.key) ?? m.key);
    out.set(letters, set);
  }
  return out;
}

/** The kind an actor is known as: what its best-attested named key says, else what its mentions say. */
function kindOf(mentions: readonly ActorMention[], key: string): ActorKind {
  if (key.startsWith('single:')) return 'organization';
  if (key.startsWith('person:')) return 'person';
  if (key.startsWith('admin:') || key.startsWith('area:')) return 'institution';
  const kinds = mentions.filter((m) => !m.key.startsWith('single:')).map((m) => m.kind);
  return (mostCommon(kinds.filter((k) => k !== 'person')) as ActorKind | undefined) ?? kinds[0] ?? 'person';
}

/**
 * The key whose rule judges an actor: a single capitalised word merged with a named organisation
 * ("Acme" with "Acme Co.") is judged as the organisation.
 */
function evidenceKey(mentions: readonly ActorMention[], root: string, keyOf: ReadonlyMap<string, string>): string {
  if (!root.startsWith('single:')) return root;
  return mentions.map((m) => keyOf.get(m.key) ?? m.key).find((k) => !k.startsWith('single:')) ?? root;
}

/** Merges mentions from every article into actors, core ones first. */
export function mergeActors(all: ActorMention[], articleCount: number): Actor[] {
  // Headline mentions only lend roles: they are kept apart and never make an actor or a source.
  const headlines = all.filter((m) => m.headline);
  // An acronym of lower-case words ("gross domestic product (GDP)") is a term wherever it appears.
  const terms = new Set(all.filter((m) => m.cue === 'term').map((m) => m.key));
  const mentions = all.filter((m) => !m.headline && !terms.has(m.key));
  const keyOf = resolveKeys(mentions);
  const links = linkAliases(keyInfos(mentions, keyOf), definitionsOf(mentions, keyOf));
  const final = (key: string): string => links.root(keyOf.get(key) ?? key);
  const buckets = new Map<string, ActorMention[]>();
  for (const m of mentions) {
    const key = final(m.key);
    const list = buckets.get(key);
    if (list) list.push(m);
    else buckets.set(key, [m]);
  }
  const forms = singleForms(mentions);
  const headlineRoles = new Map<string, ActorMention[]>();
  for (const m of headlines) {
    const key = final(m.key);
    if (m.role) headlineRoles.set(key, [...(headlineRoles.get(key) ?? []), m]);
  }
  const actors: Actor[] = [];
  for (const [key, ms] of buckets) {
    const files = [...new Set(ms.map((m) => m.evidence.file))];
    // Judged as an acronym only when no mention spells it out.
    const own = ms.find((m) => !isAbbreviation(m.name))?.name ?? ms[0]?.name ?? key;
    if (!judge({ key: evidenceKey(ms, key, keyOf), name: own, mentions: ms, files: files.length }, articleCount, forms).keep) continue;
    const kind = kindOf(ms, key);
    const names = ms.map((m) => m.name);
    const head = /^group:(\w+)/.exec(key)?.[1];
    const headWord = head ? new RegExp(`\\b${head}s?$`, 'i') : undefined;
    // A group of people is best named with what sets it apart ("union members" over "members").
    const described = key.startsWith('people:') ? names.filter((n) => /\s/.test(n)) : [];
    const preferred =
      kind === 'person'
        ? names.filter((n) => !/\badministration$/i.test(n) && (!key.split(':')[2] || n.split(/\s+/).length >= 2))
        : headWord
          ? names.filter((n) => headWord.test(n) && n.split(/\s+/).length === 2)
          : spelledOut(names);
    // A country is named as such, whatever capital or demonym stood for it.
    const name = key.startsWith('country:')
      ? key.slice(8)
      : (mostCommon(described.length ? described : preferred.length ? preferred : names) ?? names[0] ?? key);
    const normName = norm(name);
    const role = chooseRole(kind, ms, headlineRoles.get(key));
    const subjectCount = ms.filter((m) => m.subject).length;
    const salience = files.length >= Math.max(2, Math.ceil(articleCount * 0.4)) || subjectCount >= 3 ? 'core' : 'minor';
    // One sentence per file, with a role where the file gives one; the first five files are enough.
    const byFile = new Map<string, ActorMention>();
    for (const m of ms) {
      const had = byFile.get(m.evidence.file);
      if (!had ? byFile.size < 5 : !had.role && m.role) byFile.set(m.evidence.file, m);
    }
    // A role read in a headline is quoted from it, first.
    const sources: Evidence[] = [...(role.headline ? [role.headline.evidence] : []), ...[...byFile.values()].map((m) => m.evidence)].slice(0, 5);
    actors.push({
      name,
      // Each distinct name once (its first place kept), then those that are not the name itself.
      aliases: [...new Set(names)].filter((n) => norm(n) !== normName).slice(0, 8),
      kind,
      role: role.text,
      salience,
      mentions: ms.length,
      files,
      sources,
    });
  }
  const rank = (a: Actor): number => (a.salience === 'core' ? 1000 : 0) + a.files.length * 10 + a.mentions;
  return actors.sort((a, b) => rank(b) - rank(a));
}
