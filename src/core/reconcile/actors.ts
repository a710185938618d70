/** Merges actor mentions across sources into one entry per actor. */
import { norm } from '../extract/actors.js';
import type { Actor, ActorKind, ActorMention, Evidence } from '../model.js';

const hasAccent = (s: string): boolean => s !== s.normalize('NFD').replace(/\p{M}/gu, '');

interface Bucket {
  kind: ActorKind;
  mentions: ActorMention[];
}

/** Most frequent value; ties go to the longest, then to the one with accents (the fuller spelling). */
function mostCommon(values: string[]): string | undefined {
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
function resolveKeys(mentions: ActorMention[]): Map<string, string> {
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
      const [, word] = k.split(':');
      target = bySurname(word ?? '') ?? `single:${word ?? ''}`;
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
          const candidates = named.filter((x) => x.p?.cls === p.cls && (x.p.country === p.country || x.p.country === '' || x.p.country === home || country === ''));
          const fit = candidates.filter((x) => p.rest.split(' ').filter(Boolean).every((w) => x.p?.rest.includes(w)));
          target = fit.length === 1 && fit[0] ? fit[0].k : `generic:${p.cls}:${country}:${p.rest}`;
        }
      }
    }
    out.set(k, target);
  }
  return out;
}

/** How each single capitalised word is used across the set: after "in", "near", "from"; at a sentence's start; elsewhere. */
function singleForms(all: ActorMention[]): Map<string, { locative: number; initial: number; total: number }> {
  const forms = new Map<string, { locative: number; initial: number; total: number }>();
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

/** Whether a single capitalised word is a place: mostly used after "in", "near", "from", or only ever at a sentence's start. */
function singleIsPlace(word: string, forms: ReturnType<typeof singleForms>): boolean {
  const f = forms.get(word);
  return !f || f.locative * 2 >= f.total || f.initial === f.total;
}

/**
 * Whether a predicate describes its actor on its own: not cut short, not a bare "said ...", and
 * not leaning on another sentence ("follow this trend").
 */
const isDescription = (role: string): boolean =>
  !role.endsWith('…') && !/^(?:said|says|told|tells|added|adds|noted|notes|stated|states|wrote|writes|reported|reports|explained|explains)\b/i.test(role) &&
  !/\b(?:this|these|those|such)\b/i.test(role);

/** Merges mentions from every article into actors, core ones first. */
export function mergeActors(mentions: ActorMention[], articleCount: number): Actor[] {
  // Headline mentions only lend roles: they are kept apart and never make an actor or a source.
  const headlines = mentions.filter((m) => m.headline);
  mentions = mentions.filter((m) => !m.headline);
  const keyOf = resolveKeys(mentions);
  const buckets = new Map<string, Bucket>();
  for (const m of mentions) {
    const key = keyOf.get(m.key) ?? m.key;
    const b = buckets.get(key) ?? { kind: m.kind, mentions: [] };
    b.mentions.push(m);
    if (m.kind !== 'person' && key === m.key) b.kind = m.kind;
    buckets.set(key, b);
  }
  const actors: Actor[] = [];
  const forms = singleForms(mentions);
  const headlineRoles = new Map<string, ActorMention[]>();
  for (const m of headlines) {
    const key = keyOf.get(m.key) ?? m.key;
    if (m.role) headlineRoles.set(key, [...(headlineRoles.get(key) ?? []), m]);
  }
  for (const [key, b] of buckets) {
    let kind = b.kind;
    if (key.startsWith('single:')) {
      if (singleIsPlace(key.split(':')[1] ?? '', forms) || !b.mentions.some((m) => m.subject)) continue;
      kind = 'organization';
    }
    if (key.startsWith('admin:')) kind = 'institution';
    const files = [...new Set(b.mentions.map((m) => m.evidence.file))];
    const names = b.mentions.map((m) => m.name);
    const head = /^group:(\w+)/.exec(key)?.[1];
    const preferred = key.startsWith('person:')
      ? names.filter((n) => !/\badministration$/i.test(n) && (!key.split(':')[2] || n.split(/\s+/).length >= 2))
      : head ? names.filter((n) => new RegExp(`\\b${head}s?$`, 'i').test(n) && n.split(/\s+/).length === 2) : names;
    const name = mostCommon(preferred.length ? preferred : names) ?? names[0] ?? key;
    const roles = b.mentions.map((m) => m.role).filter((r): r is string => Boolean(r));
    // Short roles are titles ("Defense Minister"), but a short "said the talks had failed" is no title.
    const titled = roles.filter((r) => r.split(/\s+/).length <= 5 && isDescription(r));
    // People are known by their titles; others by what the earliest whole, self-contained clause has them do.
    const headlineRole = kind === 'person' ? undefined : headlineRoles.get(key)?.find((m) => isDescription(m.role ?? ''));
    const role = (kind === 'person' ? mostCommon(titled.length ? titled : roles.filter(isDescription)) : headlineRole?.role ?? roles.find(isDescription)) ?? '';
    const subjectCount = b.mentions.filter((m) => m.subject).length;
    const salience = files.length >= Math.max(2, Math.ceil(articleCount * 0.4)) || subjectCount >= 3 ? 'core' : 'minor';
    // One sentence per file, with a role where the file gives one; the first five files are enough.
    const byFile = new Map<string, ActorMention>();
    for (const m of b.mentions) {
      const had = byFile.get(m.evidence.file);
      if (!had ? byFile.size < 5 : !had.role && m.role) byFile.set(m.evidence.file, m);
    }
    // A role read in a headline is quoted from it, first.
    const sources: Evidence[] = [...(headlineRole ? [headlineRole.evidence] : []), ...[...byFile.values()].map((m) => m.evidence)].slice(0, 5);
    actors.push({
      name,
      aliases: [...new Set(names.filter((n) => norm(n) !== norm(name)))].slice(0, 8),
      kind,
      role,
      salience,
      mentions: b.mentions.length,
      files,
      sources,
    });
  }
  const rank = (a: Actor): number => (a.salience === 'core' ? 1000 : 0) + a.files.length * 10 + a.mentions;
  return actors.sort((a, b) => rank(b) - rank(a));
}
