/**
 * Dated events across a set (see extract/events.ts): which readings count, and which dates are
 * key figures.
 */
import { eventPerson, surnameOfName } from '../extract/events.js';
import type { Actor, Conflict, Figure, FigureMention } from '../model.js';

/**
 * The figure mentions with only the dated events the set can stand behind: about someone it
 * knows as a person ("Spending has risen since she took office" names no one, whatever its first
 * word), and where a sentence offers two readings of whom, the first such.
 */
export function eventsOfPeople(mentions: FigureMention[], actors: readonly Actor[]): FigureMention[] {
  const people = new Set(
    actors
      .filter((a) => a.kind === 'person')
      .flatMap((a) => [a.name, ...a.aliases])
      .map(surnameOfName),
  );
  const read = new Set<string>();
  return mentions.filter((f) => {
    const person = eventPerson(f.metricKey);
    if (person === undefined) return true;
    const at = `${f.evidence.file}\u0000${f.evidence.quote}\u0000${String(f.value)}`;
    if (read.has(at) || !people.has(person)) return false;
    read.add(at);
    return true;
  });
}

/** The figures without dated events that no two sources date differently: a date is a key figure only when disputed. */
export function withDisputedDatesOnly(figures: Figure[], conflicts: readonly Conflict[]): Figure[] {
  const disputed = new Set(
    conflicts.filter((c) => c.about === 'date').flatMap((c) => c.values.flatMap((v) => v.sources.map((file) => `${String(v.value)}|${file}`))),
  );
  return figures.filter((f) => f.unit !== 'date' || f.sources.some((s) => disputed.has(`${String(f.value)}|${s.file}`)));
}
