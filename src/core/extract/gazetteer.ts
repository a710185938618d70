/** General world knowledge for actors: countries, their demonyms and capitals, regions, news agencies. */
import countries from 'world-countries/countries.json' with { type: 'json' };
import { anyOf } from '../text.js';

interface CountryEntry {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
}

/** Country name for a lower-case name, alias or demonym. */
const byName = new Map<string, string>();
/** Lower-case capital city -> country. */
const capitals = new Map<string, string>();

for (const c of countries as CountryEntry[]) {
  const name = c.name.common;
  // Two- and three-letter codes collide with words ("IN", "IT", "AS"): only the common ones below.
  const names = [name, c.name.official, ...c.altSpellings.filter((a) => /^[A-Z][A-Za-z .'-]{3,}$/.test(a) && /[a-z]/.test(a))];
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
    if (!d) continue;
    names.push(d, `${d}s`);
    // News copy spells many "-ean" demonyms "-ian" as well; accept both.
    if (d.endsWith('ean')) names.push(`${d.slice(0, -3)}ian`, `${d.slice(0, -3)}ians`);
  }
  for (const n of names) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), name);
  // "Washington D.C." is written "Washington" when it stands for the government.
  for (const cap of c.capital ?? []) for (const form of new Set([cap, cap.replace(/\s+D\.C\.$/, '')])) capitals.set(form.toLowerCase(), name);
}
// Common short forms in English news copy.
for (const [alias, name] of [
  ['u.s.', 'United States'],
  ['u.s', 'United States'],
  ['american', 'United States'],
  ['americans', 'United States'],
  ['u.s.a.', 'United States'],
  ['u.k.', 'United Kingdom'],
  ['britain', 'United Kingdom'],
  ['british', 'United Kingdom'],
] as const) {
  byName.set(alias, name);
}
/** Upper-case codes, matched case-sensitively so that "US" is a country and "us" is not. */
const CODES: Record<string, string> = { US: 'United States', USA: 'United States', UK: 'United Kingdom', UAE: 'United Arab Emirates', DRC: 'DR Congo' };
// "American" is also the adjective of the continent; keep it, since news copy means the US.

/** Names already looked up: a set repeats the same few hundred names endlessly. */
const seen = new Map<string, string | null>();

/** The country a name, alias or demonym refers to ("Peruvian" -> "Peru"). */
export function countryOf(name: string): string | undefined {
  const c = name.charCodeAt(0);
  // Lower-case words and numbers are never countries: most calls end here.
  if (!(c >= 65 && c <= 90) && !(c >= 0xc0 && c <= 0xdd) && !name.startsWith('the ')) return undefined;
  const had = seen.get(name);
  if (had !== undefined) return had ?? undefined;
  let found: string | undefined;
  if (/^[A-Z]{2,3}$/.test(name)) found = CODES[name];
  else if (/^(?:the\s+)?[A-ZÀ-Ý]/.test(name)) found = byName.get(name.toLowerCase().replace(/^the\s+/, ''));
  if (seen.size < 100_000) seen.set(name, found ?? null);
  return found;
}

/** The country whose capital this is. */
export function capitalOf(name: string): string | undefined {
  return capitals.get(name.toLowerCase());
}

const REGIONS = new Set([
  'latin america',
  'south america',
  'north america',
  'central america',
  'the americas',
  'americas',
  'europe',
  'asia',
  'africa',
  'oceania',
  'antarctica',
  'middle east',
  'caribbean',
  'the caribbean',
  'pacific',
  'atlantic',
  'balkans',
  'andes',
  'amazon',
  'sahel',
  'mediterranean',
  'arctic',
  'indo-pacific',
  'southeast asia',
  'east asia',
  'west africa',
  'east africa',
  'western europe',
  'eastern europe',
  'global south',
  'the west',
  'scandinavia',
  'horn of africa',
  'gulf',
]);

/** Continents and regions are places, never actors. */
export function isRegion(name: string): boolean {
  return REGIONS.has(name.toLowerCase());
}

/** News agencies and outlets: sources of the story, not actors in it. */
export const NEWS_AGENCIES = new RegExp(
  String.raw`^(?:the\s+)?${anyOf([
    /associated press|ap|reuters|afp|agence france-presse|bloomberg|efe|dpa|xinhua|ansa|upi|tass/,
    /bbc|cnn|al jazeera/,
    /new york times|washington post|wall street journal|guardian|financial times/,
  ])}$`,
  'i',
);
