/**
 * Words news reports use for the same subject, so free text finds what a topic would: "homicides"
 * also finds "murders" and a fall in crime. General newsroom vocabulary, not any one story's.
 */
import { termsOf } from '../terms.js';

const GROUPS: readonly string[] = [
  'homicide murder killing killed deaths death toll violence violent crime crimes',
  'election elections vote votes voters ballot runoff poll polls candidate campaign',
  'migration migrants migrant immigration deportation deported border asylum refugees',
  'economy economic trade exports imports gdp growth inflation investment jobs unemployment',
  'military troops army soldiers forces armed defense defence navy',
  'gangs gang cartels cartel organized crime mafia criminal groups extortion',
  'police officers policing arrests arrested',
  'prison prisons inmates jail jails',
  'court courts judge judges ruling ruled constitutional',
  'protest protests demonstrators strike strikes',
  'health hospital hospitals disease outbreak vaccine',
  'climate emissions warming drought floods',
];

let byStem: Map<string, Set<string>> | undefined;

/** Each stem's group, made on first use: stemming needs the language model, which importing must not load. */
function groups(): Map<string, Set<string>> {
  if (byStem) return byStem;
  byStem = new Map();
  for (const g of GROUPS) {
    const stems = termsOf(g);
    for (const s of stems) byStem.set(s, new Set([...(byStem.get(s) ?? []), ...stems]));
  }
  return byStem;
}

/** The stems related to one stem (itself included). */
export function relatedStems(stem: string): string[] {
  return [...(groups().get(stem) ?? [stem])];
}
