/**
 * The one role an actor is given across sources. People are known by their titles, and by the
 * fullest one the sources agree on ("union President" over "President"); others by what the
 * headline, else the earliest whole clause, has them do.
 */
import { norm } from '../extract/actors.js';
import type { ActorKind, ActorMention } from '../model.js';

/**
 * Whether a predicate describes its actor on its own: not cut short, not a bare "said ...", and
 * not leaning on another sentence ("follow this trend").
 */
const isDescription = (role: string): boolean =>
  !role.endsWith('…') &&
  !/^(?:said|says|told|tells|added|adds|noted|notes|stated|states|wrote|writes|reported|reports|explained|explains)\b/i.test(role) &&
  !/\b(?:this|these|those|such)\b/i.test(role);

const squash = (s: string): string =>
  norm(s)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The title that says most while agreeing with the others: each title counts the titles it ends
 * with ("Texas Gov." counts "Gov."), so the fullest common one wins; ties go to the most frequent.
 */
function fullestTitle(titles: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  // The most frequent few are enough, and keep this quadratic step small for a much-named actor.
  const distinct = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0)).slice(0, 24);
  const squashed = new Map(distinct.map((t) => [t, squash(t)]));
  const covers = (a: string, b: string): boolean => {
    const [x, y] = [squashed.get(a) ?? '', squashed.get(b) ?? ''];
    return x === y || x.endsWith(` ${y}`);
  };
  const score = new Map(distinct.map((a) => [a, distinct.filter((b) => covers(a, b)).reduce((n, b) => n + (counts.get(b) ?? 0), 0)]));
  return distinct.sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length)[0];
}

/** An actor's role, and the headline mention it was read from, when it was. */
export function chooseRole(
  kind: ActorKind,
  mentions: readonly ActorMention[],
  headlines: readonly ActorMention[] = [],
): { text: string; headline?: ActorMention | undefined } {
  const roles = mentions.map((m) => m.role).filter((r): r is string => Boolean(r));
  if (kind === 'person') {
    // Titles and descriptions first ("Defense Minister"), short ones; what the person does only when none is given.
    const titled = mentions
      .filter((m) => m.roleFrom === 'title')
      .map((m) => m.role ?? '')
      .filter((r) => r && r.split(/\s+/).length <= 6 && isDescription(r));
    const short = roles.filter((r) => r.split(/\s+/).length <= 5 && isDescription(r));
    return { text: (titled.length ? fullestTitle(titled) : short.length ? fullestTitle(short) : roles.find(isDescription)) ?? '' };
  }
  const headline = headlines.find((m) => isDescription(m.role ?? ''));
  if (headline?.role) return { text: headline.role, headline };
  return { text: roles.find(isDescription) ?? '' };
}
