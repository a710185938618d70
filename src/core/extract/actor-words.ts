/**
 * Word classes that actor extraction reads names with: titles, role nouns, organisation and place
 * heads. Each table is a general class of English words, never a story's names; fix a label by
 * editing a row.
 */
import { MONTH_NAMES, MONTH_STEMS, WEEKDAY_NAMES } from '../calendar.js';
import { anyOf } from '../text.js';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));
/** The tables `has` reads, in order: table `i` is bit `1 << i` of a word's classes. */
const tables: ReadonlySet<string>[] = [];
/**
 * Each distinct word's classes, as a bitmask over `tables`: its lower-case form without a final dot
 * is looked up in every table once, and after that one lookup answers any table (the tables are
 * asked about every word of every name, many times over).
 */
const classes = new Map<string, number>();
const classesOf = (word: string): number => {
  let c = classes.get(word);
  if (c === undefined) {
    let w = word.toLowerCase();
    if (w.endsWith('.')) w = w.slice(0, -1);
    c = 0;
    for (let i = 0; i < tables.length; i++) if (tables[i]?.has(w)) c |= 1 << i;
    if (classes.size < 100_000) classes.set(word, c);
  }
  return c;
};
/** Whether a word, in any case and with or without a final dot, is in `set`. Tables are made at load, before any lookup. */
const has = (set: ReadonlySet<string>): ((word: string) => boolean) => {
  const bit = 1 << tables.length;
  if (bit <= 0) throw new Error('actor-words: more tables than bits in a class mask');
  tables.push(set);
  classes.clear();
  return (word) => (classesOf(word) & bit) !== 0;
};

const TITLES = words(`
  president vice minister prime premier defense defence foreign interior finance capt captain police gen general
  sen senator rep representative gov governor lt lieutenant mayor judge justice secretary ambassador chancellor king
  queen prince princess pope dr mr mrs ms col colonel sgt sergeant cpl corporal adm admiral commander chief director
  attorney sheriff officer spokesman spokeswoman spokesperson former then-president then acting interim deputy state
  security ex-president ceo cfo coo chairman chairwoman chairperson chair commissioner superintendent advisor adviser
  envoy speaker leader rev reverend bishop archbishop cardinal marshal constable inspector detective superintendent
  supt insp det prof professor coach executive
`);
/** Whether a word is a title that may stand before a name. */
const isTitleWord = has(TITLES);
/** Whether a word is a title, or one joined to a prefix ("Co-leader", "Vice-President", "ex-Minister"). */
export const isTitle = (word: string): boolean =>
  isTitleWord(word) || (/^(?:co|vice|ex|deputy)-./i.test(word) && isTitleWord(word.slice(word.indexOf('-') + 1)));

/** Title words that only qualify the title after them ("Prime" Minister, "Foreign" Secretary, "Acting" Governor). */
const TITLE_MODIFIERS = words('vice prime defense defence foreign interior finance former then acting interim deputy state security');
/** Whether a title word can end a title, right before the name ("Secretary", "Gov.", "CEO"). */
const isTitleModifier = has(TITLE_MODIFIERS);
export const isTitleHead = (word: string): boolean => isTitle(word) && !isTitleModifier(word);

/** Honorifics: dropped from a name, and never a role on their own ("Mr Sanchez" has no role "Mr"). */
const HONORIFICS = words('mr mrs ms miss mx dr sir dame madam mme mister');
/** Whether a word is a bare honorific. */
export const isHonorific = has(HONORIFICS);

/** Lower-case nouns before a name that describe the person ("security expert", "left-wing challenger"). */
const ROLE_WORDS = words(`
  expert analyst challenger rival candidate incumbent leader official spokesman spokeswoman spokesperson minister
  lawmaker legislator activist professor researcher economist journalist officer captain commander chief director
  founder ceo chairman chairwoman president former then left-wing right-wing leftist rightist conservative progressive
  liberal socialist security political opposition military police senior top defense defence foreign interior finance
  economy health justice environment deputy vice prime presidential runoff populist veteran retired general colonel
  governor mayor senator judge prosecutor attorney ambassador envoy adviser advisor aide negotiator mediator resident
  vendor farmer worker student teacher doctor nurse soldier commentator columnist pollster strategist consultant
  secretary undersecretary commissioner head boss mogul billionaire businessman businesswoman entrepreneur executive
  meteorologist forecaster lawyer engineer scientist spokesperson coordinator manager operator chairperson sheriff
`);
/** Whether a lower-case word describes a person's role. */
export const isRoleWord = has(ROLE_WORDS);

/** Heads of public institutions ("Ministry of Health", "Supreme Court", "Sheriff's Office"). */
const INSTITUTION_HEADS = words(`
  ministry department court assembly congress senate parliament council commission agency police army navy force
  forces command office bureau service protection secretariat presidency government administration authority
  committee guard military corps tribunal legislature cabinet embassy prosecutor's prosecutors directorate
  inspectorate board reserve treasury patrol marines nations house customs mission
`);
/** Whether a word heads a public institution's name. */
export const isInstitutionHead = has(INSTITUTION_HEADS);

/** Heads of private organisations ("Pacific Oil Company", "Anderson Economic Group"). */
const ORGANIZATION_HEADS = words(`
  inc corp corporation ltd llc plc co company group bank fund party union movement front foundation association
  institute university center centre network alliance federation confederation coalition league society club airlines
  airways aviation energy oil motors holdings partners capital media labs technologies systems pharmaceuticals
  watch international organization organisation organizations organisations news times post journal press radio
  television tv hospital hospitals clinic school schools college academy museum church mosque temple
  nv n.v bv b.v ag gmbh s.a s.p.a
`);
/** Whether a word heads a private organisation's name. */
export const isOrganizationHead = has(ORGANIZATION_HEADS);

/** Words after a name that only say what kind of company it is: "CBS News" and "CBS" are one outlet. */
const ORGANIZATION_SUFFIXES = words(
  'inc corp corporation co company ltd llc plc nv n.v bv b.v ag gmbh s.a s.p.a group holdings news network radio television tv mission',
);
/** Whether a word only says what kind of company a name is. */
export const isOrganizationSuffix = has(ORGANIZATION_SUFFIXES);

/** Capitalised names that are documents, plans, events or products, not actors. */
const NOT_ACTOR_HEADS = words(`
  agreement plan act law treaty accord deal program programme operation exercise initiative project strategy policy war
  day election elections cup games summit conference constitution report index award prize protocol doctrine
  declaration charter convention bill decree reform referendum campaign crisis flu covid pandemic avatar opinion
  source sources posts photo commons newsletter podcast warning warnings alert alerts advisory hurricane typhoon cyclone
  storm chapter
`);
/** Whether a word marks a name as a document, plan, event or product. */
export const isNotActorHead = has(NOT_ACTOR_HEADS);

/** Heads of geographic features and facilities: "Larch River", "Iberian Peninsula", "Union Station". */
const PLACE_HEADS = words(`
  river rivers peninsula coast valley mountain mountains mount lake lakes bay sea ocean island islands gulf strait canal
  creek falls desert forest park street avenue road highway bridge square arena stadium airport station metro beach
  plaza tower building country hills hill canyon harbor harbour port basin delta plain plains strip north south east west
  northeast northwest southeast southwest midwest ave blvd boulevard freeway interstate dam reservoir expressway motorway
  tunnel pier wharf
`);
/** Whether a word heads the name of a geographic feature or a facility. */
export const isPlaceHead = has(PLACE_HEADS);

/** Heads of administrative areas: places that can also act through their authorities ("Harlan County"). */
const AREA_HEADS = words('county province region prefecture municipality territory oblast canton governorate parish borough');
/** Whether a word heads an administrative area's name. */
export const isAreaHead = has(AREA_HEADS);

/** Words that make a name part of a larger place: "Central Texas", "West Coast", "mainland Spain". */
const PLACE_QUALIFIERS = words(`
  north south east west central northern southern eastern western northeast northwest southeast southwest
  northeastern northwestern southeastern southwestern upper lower greater inner outer mainland peninsular coastal
  continental metropolitan rural neighboring neighbouring
`);
/** Whether a word qualifies a place as part of a larger one. */
export const isPlaceQualifier = has(PLACE_QUALIFIERS);

/** Months and days: a name ending in one is a date ("Early Friday", "Fourth of July"). */
const CALENDAR = words([...MONTH_NAMES, ...WEEKDAY_NAMES, ...MONTH_STEMS.split('|'), 'sept'].join(' ').toLowerCase());
/** Whether a word names a month or a day. */
export const isCalendar = has(CALENDAR);

/** Prepositions after which a name is where something happens: "in Lima", "near Oslo", "across Peru". */
const SPATIAL = words('in near across outside around throughout within inside along');
/** Whether a word puts the name after it in a place. */
export const isSpatial = has(SPATIAL);

/** Prepositions after which a single name is more likely a place than a person: the spatial ones, and "from Lima", "to Oslo". */
const LOCATIVES = words('in near from at to across outside around into via throughout within inside along toward towards');
/** Whether a word puts the single name after it in a place or a direction. */
export const isLocative = has(LOCATIVES);

/** Common nouns for places, before "of" ("the state of Texas") or after a list of them ("Harlan and Bell counties"). */
const PLACE_NOUNS = words(`
  state states city cities town towns village villages county counties province provinces region regions district
  districts capital island islands municipality municipalities river rivers country countries area areas community
  communities neighborhood neighborhoods neighbourhood neighbourhoods suburb suburbs
`);
/** Whether a lower-case noun names a kind of place. */
export const isPlaceNoun = has(PLACE_NOUNS);

/** Compass words that, before "of", make the name after it a place: "65 miles north of San Antonio". */
const DIRECTIONS = words('north south east west northeast northwest southeast southwest upstream downstream');
/** Whether a word is a compass direction. */
export const isDirection = has(DIRECTIONS);

/** Words that say how many, not which ("several unions", "these workers"): they end a group's modifiers. */
const QUANTIFIERS = words('numerous various many several some other such more most few all both these those');
/** Whether a lower-case word is a quantifier. */
export const isQuantifier = has(QUANTIFIERS);

/** Lower-case words joining the parts of one name: "Bank of America", "Red Eléctrica de España". */
export const CONNECTOR = /^(?:of|and|&|de|del|la|las|los|le|for|the|y|da|di|do|dos|du|des|van|von|der|den|ter|bin|al|el)$/;

/** Nouns that show a capitalised modifier is the organisation that made something ("AtlasIntel poll"). */
export const PRODUCT = new RegExp(
  `^${anyOf([
    /poll|polls|survey|report|study|publication|statement/,
    /spokesperson|spokesman|spokeswoman|official|officials/,
    /data|analysis|index|figures/,
    /news|station|network|newspaper|channel|reporter|reporters/,
  ])}$`,
  'i',
);
