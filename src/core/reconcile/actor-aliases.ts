/**
 * Names that are one actor although their keys differ: an acronym and what it stands for ("NWS",
 * "National Weather Service"), a name and its company suffix ("CBS", "CBS News"), a bare head word
 * and the one institution it can mean ("the Council"), and spelling variants of one name ("Jon
 * Holden" and a "John Holden" with the same role, "Camp Ruiz" and "Ruiz Camp").
 *
 * Every rule is an index lookup or a comparison within a small block of keys, so a set of any size
 * is linked in about linear time.
 */
import { distance } from 'fastest-levenshtein';
import { isOrganizationSuffix, isTitle } from '../extract/actor-words.js';
import { norm } from '../extract/actors.js';
import { isAbbreviation, isOrgWord } from '../extract/name-runs.js';
import { isGroupNoun } from '../extract/figures/lexicon.js';
import type { ActorKind } from '../model.js';

/** What the set says about one key, for linking. */
export interface KeyInfo {
  key: string;
  /** The most common name written for it. */
  name: string;
  kind: ActorKind;
  mentions: number;
  files: number;
  /** Short titles given with it ("union President"), to keep two people of one surname apart. */
  roles: string[];
  /** Counts a group of people is given ("33,000 machinists"). */
  counts: number[];
}

/** The links found. */
export interface Links {
  /** key -> the key of the actor it is another name of. */
  root: (key: string) => string;
}

const squash = (s: string): string =>
  norm(s)
    .replace(/\./g, '')
    .replace(/[^a-z0-9&' -]+/g, ' ')
    .trim();
const wordsOf = (s: string): string[] => squash(s).split(/\s+/).filter(Boolean);
const FUNCTION = /^(?:of|and|&|the|de|del|la|for|y|da|do|dos|el)$/;
const typeOf = (key: string): string => key.slice(0, key.indexOf(':'));
const NAMED = new Set(['org', 'class', 'area', 'person', 'admin']);

/** "UN Security Council" -> "UNSC": initials of the words, all letters of an abbreviation. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !FUNCTION.test(w.toLowerCase()))
    .map((w) => (isAbbreviation(w) ? w.replace(/\./g, '') : w.charAt(0).toUpperCase()))
    .join('');
}

/** "Bank of England" -> "BOE": the initials of every word but "the", for acronyms written "BoE", "DfE", "MoD". */
function initialsWithLinks(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !/^the$/i.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** An acronym written with a linking word's lower-case letter: "BoE", "DfE", "MoD". */
const MIXED_ACRONYM = /^[A-Z](?:[a-z]?[A-Z]){1,3}$/;

class UnionFind {
  private readonly parent = new Map<string, string>();
  constructor(private readonly weight: (key: string) => number) {}
  find(k: string): string {
    let r = k;
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p;
    this.parent.set(k, r);
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The better-attested key stays the root: it names the actor and decides its kind.
    const [root, child] = this.weight(ra) > this.weight(rb) || (this.weight(ra) === this.weight(rb) && ra < rb) ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
  }
}

/** Whether two short titles can belong to one person: either has none, or they share a word. */
function rolesAgree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  const words = new Set(a.flatMap(wordsOf));
  return b.flatMap(wordsOf).some((w) => words.has(w));
}

/** One-letter slips in one word of a name: "Jon"/"John", "Marsj"/"Marsh", "Harlen County"/"Harlan County". */
function oneWordApart(a: readonly string[], b: readonly string[], minLength: number): boolean {
  if (a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (++differing > 1 || Math.min(x.length, y.length) < minLength || distance(x, y) > 1) return false;
  }
  return differing === 1;
}

/** Links the keys of a set; `definitions` are acronym -> keys of what the set says they stand for. */
export function linkAliases(infos: ReadonlyMap<string, KeyInfo>, definitions: ReadonlyMap<string, Set<string>>): Links {
  // The best-attested key names the actor; on a tie, a spelt-out name rather than an acronym.
  const uf = new UnionFind((k) => (infos.get(k)?.mentions ?? 0) + (isAbbreviation(infos.get(k)?.name ?? '') ? 0 : 0.5));
  const named = [...infos.values()].filter((x) => NAMED.has(typeOf(x.key)));
  const byInitials = new Map<string, string[]>();
  const byName = new Map<string, string>();
  const byMixed = new Map<string, string[]>();
  for (const x of named) {
    const w = wordsOf(x.name);
    if (w.length >= 2) byInitials.set(initials(x.name), [...(byInitials.get(initials(x.name)) ?? []), x.key]);
    const linked = initialsWithLinks(x.name);
    if (w.length >= 3 && linked !== initials(x.name)) byMixed.set(linked, [...(byMixed.get(linked) ?? []), x.key]);
    byName.set(squash(x.name), x.key);
  }
  for (const x of infos.values()) if (typeOf(x.key) === 'single' || isAbbreviation(x.name)) byName.set(squash(x.name), byName.get(squash(x.name)) ?? x.key);

  for (const x of infos.values()) {
    const type = typeOf(x.key);
    if (isAbbreviation(x.name) || type === 'single') {
      const letters = x.name.replace(/\./g, '').toUpperCase();
      // Defined in the text ("... Organizations (CEOE)"), else the one name whose initials it spells.
      const meant = [...(definitions.get(letters) ?? [])].filter((k) => k !== x.key && infos.has(k));
      const spelled = isAbbreviation(x.name)
        ? (byInitials.get(letters) ?? []).filter((k) => k !== x.key)
        : MIXED_ACRONYM.test(x.name)
          ? (byMixed.get(letters) ?? []).filter((k) => k !== x.key)
          : [];
      for (const k of meant.length ? meant : spelled.length === 1 ? spelled : []) uf.union(x.key, k);
      // "REN" and "Ren": one name in two casings.
      const same = byName.get(squash(x.name));
      if (same && same !== x.key) uf.union(x.key, same);
    }
    if (type === 'org' || type === 'class') {
      // "CBS News" and "CBS", "Acme Co." and "Acme": a company suffix adds nothing; nor does the head of
      // a name of two words or more ("El Camino Hospital" and "El Camino").
      const w = x.name.split(/\s+/);
      let n = w.length;
      while (n > 1 && isOrganizationSuffix(w[n - 1] ?? '')) n--;
      if (n === w.length && n > 2 && isOrgWord(w[n - 1] ?? '')) n--;
      const base = n < w.length ? byName.get(squash(w.slice(0, n).join(' '))) : undefined;
      if (base && base !== x.key) uf.union(x.key, base);
    }
  }
  linkHeads(infos, named, uf);
  linkTitles(infos, uf);
  linkAbbreviatedPrefixes(named, uf);
  linkVariants(named, uf);
  linkCounts(infos, uf);
  return { root: (k) => uf.find(k) };
}

/** "the Council", "Union": a bare head word is the one named institution it heads, or no one. */
function linkHeads(infos: ReadonlyMap<string, KeyInfo>, named: readonly KeyInfo[], uf: UnionFind): void {
  const byHead = new Map<string, string[]>();
  for (const x of named) {
    const w = wordsOf(x.name);
    const head = w.at(-1);
    if (w.length >= 2 && head && typeOf(x.key) !== 'person') byHead.set(head, [...(byHead.get(head) ?? []), x.key]);
  }
  for (const x of infos.values()) {
    if (typeOf(x.key) !== 'head') continue;
    const candidates = byHead.get(x.key.slice(5)) ?? [];
    if (candidates.length === 1 && candidates[0]) uf.union(candidates[0], x.key);
  }
  // "Harlan County Sheriff's Office" speaks for "Harlan County": an area's own authorities are the area.
  const areas = new Map(named.filter((x) => typeOf(x.key) === 'area').map((x) => [squash(x.name), x.key]));
  if (!areas.size) return;
  for (const x of named) {
    if (x.kind !== 'institution' || typeOf(x.key) === 'area') continue;
    const w = wordsOf(x.name);
    for (let n = w.length - 1; n >= 2; n--) {
      const area = areas.get(w.slice(0, n).join(' '));
      if (area) uf.union(area, x.key);
    }
  }
}

/**
 * "The Chancellor cautioned": a bare title is the one person the set gives that title ("Chancellor
 * Rachel Reeves"): a title word of a person's role, or the word a role of two words at most ends on
 * ("Treasurer"), but never a body of people ("Police").
 */
function linkTitles(infos: ReadonlyMap<string, KeyInfo>, uf: UnionFind): void {
  const holders = new Map<string, Set<string>>();
  const hold = (w: string, key: string): void => void holders.set(w, (holders.get(w) ?? new Set()).add(key));
  for (const x of infos.values()) {
    if (typeOf(x.key) !== 'person') continue;
    for (const r of x.roles) {
      const w = wordsOf(r);
      for (const word of new Set([...w.filter((t) => isTitle(t)), ...(w.length <= 2 ? w.slice(-1) : [])])) if (!isGroupNoun(word)) hold(word, x.key);
    }
  }
  for (const x of infos.values()) {
    if (typeOf(x.key) !== 'single') continue;
    const w = wordsOf(x.name);
    const people = w.length === 1 && w[0] ? [...(holders.get(w[0]) ?? [])] : [];
    if (people.length === 1 && people[0]) uf.union(people[0], x.key);
  }
}

/**
 * "33,000 workers", "33,000 union members", "33,000 machinists": groups of people the sources give
 * the same count are one group, named in different words. Small counts coincide too easily.
 */
function linkCounts(infos: ReadonlyMap<string, KeyInfo>, uf: UnionFind): void {
  const byCount = new Map<number, string>();
  for (const x of infos.values()) {
    if (typeOf(x.key) !== 'people') continue;
    for (const n of new Set(x.counts)) {
      if (n < 100) continue;
      const had = byCount.get(n);
      if (had) uf.union(had, x.key);
      else byCount.set(n, x.key);
    }
  }
}

/**
 * "UN Security Council" and "United Nations Security Council": a name's first words written as their
 * initials; and a name that is the end of exactly one longer one ("the Security Council").
 */
function linkAbbreviatedPrefixes(named: readonly KeyInfo[], uf: UnionFind): void {
  const bySuffix = new Map<string, KeyInfo[]>();
  for (const x of named) {
    const w = x.name.split(/\s+/);
    for (let k = 1; k < w.length; k++) {
      const tail = squash(w.slice(k).join(' '));
      const list = bySuffix.get(tail) ?? [];
      if (list.length < 16) list.push(x);
      bySuffix.set(tail, list);
    }
  }
  for (const x of named) {
    const [lead, ...rest] = x.name.split(/\s+/);
    if (!lead || !rest.length || !isAbbreviation(lead)) continue;
    const letters = lead.replace(/\./g, '');
    for (const y of bySuffix.get(squash(rest.join(' '))) ?? []) {
      const prefix = y.name.split(/\s+/).slice(0, y.name.split(/\s+/).length - rest.length);
      if (y.key !== x.key && !prefix.some(isAbbreviation) && initials(prefix.join(' ')) === letters) uf.union(x.key, y.key);
    }
  }
  // "Security Council", "Fire Department": the end of one longer name, and only one, is that name. Longer names
  // already known as one ("UN Security Council", "United Nations Security Council") count once.
  for (const x of named) {
    if (x.kind === 'person' || x.name.split(/\s+/).length < 2) continue;
    const longer = (bySuffix.get(squash(x.name)) ?? []).filter((y) => y.key !== x.key && y.kind !== 'person');
    const roots = new Set(longer.map((y) => uf.find(y.key)));
    const only = roots.size === 1 ? longer[0] : undefined;
    if (only) uf.union(only.key, x.key);
  }
}

/** Spelling variants and word-order swaps of one name, compared only within blocks that share all but one word. */
function linkVariants(named: readonly KeyInfo[], uf: UnionFind): void {
  const blocks = new Map<string, KeyInfo[]>();
  const add = (block: string, x: KeyInfo): void => {
    const list = blocks.get(block);
    if (!list) blocks.set(block, [x]);
    else if (list.length < 64) list.push(x);
  };
  for (const x of named) {
    const w = wordsOf(x.name);
    if (w.length < 2 || w.length > 5) continue;
    add(`sorted:${[...w].sort().join(' ')}`, x);
    w.forEach((_, i) => {
      add(`${String(i)}:${w.map((y, k) => (k === i ? '*' : y)).join(' ')}`, x);
    });
  }
  for (const [block, list] of blocks) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let k = i + 1; k < list.length; k++) {
        const a = list[i];
        const b = list[k];
        if (a && b && sameActor(a, b, block.startsWith('sorted:'))) uf.union(a.key, b.key);
      }
    }
  }
}

/** A word in its American spelling: "organisation" -> "organization", "defence" -> "defense", "labour" -> "labor". */
const american = (w: string): string =>
  w
    .replace(/is(ation|ations|e|es|ed|ing)$/, 'iz$1')
    .replace(/our$/, 'or')
    .replace(/ence$/, 'ense');

/** Whether two keys of one block are one actor spelt two ways. */
function sameActor(a: KeyInfo, b: KeyInfo, reordered: boolean): boolean {
  const person = a.kind === 'person' && b.kind === 'person';
  if (reordered) return a.kind === b.kind && squash(a.name) !== squash(b.name);
  if ((a.kind === 'person') !== (b.kind === 'person')) return false;
  const [wa, wb] = [wordsOf(a.name), wordsOf(b.name)];
  // A person's first name may be short ("Jon"); other words need four letters to rule out real differences.
  const firstDiffers = wa[0] !== wb[0];
  if (!oneWordApart(wa, wb, person && firstDiffers ? 3 : 4)) return false;
  if (person) return rolesAgree(a.roles, b.roles);
  // British and American spellings of one name ("World Health Organisation", "Organization"): neither is a slip.
  if (wa.map(american).join(' ') === wb.map(american).join(' ')) return true;
  // A place or an organisation spelt two ways: the rarer spelling is the slip.
  return Math.min(a.mentions, b.mentions) * 2 <= Math.max(a.mentions, b.mentions) && Math.min(a.files, b.files) <= 1;
}
