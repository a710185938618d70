/**
 * The figure extractor's vocabulary, as data: units with their dimension and conversion, currencies,
 * the words that bound a number, the states counted things are in, the nouns and verbs of change.
 * Each row has an id, so a figure can say which row read it; a bad reading is fixed by editing a
 * row, not by adding a branch.
 */
import escapeStringRegexp from 'escape-string-regexp';
import type { Bound, Dimension } from '../../model.js';

/** A regex alternation of literal words, longest first so that "more than" wins over "more". */
export const alternation = (list: readonly string[]): string =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeStringRegexp)
    .join('|');

/** A unit of measurement: every spelling maps to one unit, and a unit to its dimension. */

export interface UnitRow {
  id: string;
  dimension: Dimension;
  /** How many of the dimension's base unit one of these is (metre, kilogram, second, watt, joule...). */
  toBase: number;
  /** Lower-case spellings, singular and plural, abbreviations. */
  spellings: readonly string[];
  /** How a figure line names the unit. */
  label: string;
}

/** Units a number can carry ("six tons", "15 GW", "29.45 feet", "20 hours"). */
export const UNITS: readonly UnitRow[] = [
  { id: 'unit.metre', dimension: 'length', toBase: 1, spellings: ['m', 'metre', 'metres', 'meter', 'meters'], label: 'metres' },
  { id: 'unit.kilometre', dimension: 'length', toBase: 1000, spellings: ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers'], label: 'km' },
  { id: 'unit.centimetre', dimension: 'length', toBase: 0.01, spellings: ['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters'], label: 'cm' },
  { id: 'unit.millimetre', dimension: 'length', toBase: 0.001, spellings: ['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters'], label: 'mm' },
  { id: 'unit.mile', dimension: 'length', toBase: 1609.344, spellings: ['mile', 'miles', 'mi'], label: 'miles' },
  { id: 'unit.foot', dimension: 'length', toBase: 0.3048, spellings: ['foot', 'feet', 'ft'], label: 'feet' },
  { id: 'unit.inch', dimension: 'length', toBase: 0.0254, spellings: ['inch', 'inches', 'in.'], label: 'inches' },
  { id: 'unit.yard', dimension: 'length', toBase: 0.9144, spellings: ['yard', 'yards', 'yd'], label: 'yards' },
  { id: 'unit.kilogram', dimension: 'mass', toBase: 1, spellings: ['kg', 'kilogram', 'kilograms', 'kilo', 'kilos'], label: 'kg' },
  { id: 'unit.gram', dimension: 'mass', toBase: 0.001, spellings: ['g', 'gram', 'grams'], label: 'grams' },
  // News copy outside the US means the metric ton; "short tons" are rare enough to read the same.
  { id: 'unit.tonne', dimension: 'mass', toBase: 1000, spellings: ['ton', 'tons', 'tonne', 'tonnes', 'metric ton', 'metric tons', 't'], label: 'tons' },
  { id: 'unit.pound', dimension: 'mass', toBase: 0.45359237, spellings: ['lb', 'lbs', 'pound', 'pounds'], label: 'pounds' },
  { id: 'unit.hectare', dimension: 'area', toBase: 10_000, spellings: ['hectare', 'hectares', 'ha'], label: 'hectares' },
  { id: 'unit.acre', dimension: 'area', toBase: 4046.8564224, spellings: ['acre', 'acres'], label: 'acres' },
  {
    id: 'unit.square-kilometre',
    dimension: 'area',
    toBase: 1e6,
    spellings: ['square kilometre', 'square kilometres', 'square kilometer', 'square kilometers', 'sq km', 'km2'],
    label: 'km²',
  },
  { id: 'unit.square-mile', dimension: 'area', toBase: 2_589_988.110336, spellings: ['square mile', 'square miles', 'sq mi'], label: 'square miles' },
  { id: 'unit.litre', dimension: 'volume', toBase: 0.001, spellings: ['litre', 'litres', 'liter', 'liters', 'l'], label: 'litres' },
  { id: 'unit.gallon', dimension: 'volume', toBase: 0.003785411784, spellings: ['gallon', 'gallons'], label: 'gallons' },
  { id: 'unit.barrel', dimension: 'volume', toBase: 0.158987294928, spellings: ['barrel', 'barrels', 'bbl'], label: 'barrels' },
  { id: 'unit.cubic-metre', dimension: 'volume', toBase: 1, spellings: ['cubic metre', 'cubic metres', 'cubic meter', 'cubic meters', 'm3'], label: 'm³' },
  { id: 'unit.watt', dimension: 'power', toBase: 1, spellings: ['watt', 'watts', 'w'], label: 'W' },
  { id: 'unit.kilowatt', dimension: 'power', toBase: 1e3, spellings: ['kilowatt', 'kilowatts', 'kw'], label: 'kW' },
  { id: 'unit.megawatt', dimension: 'power', toBase: 1e6, spellings: ['megawatt', 'megawatts', 'mw'], label: 'MW' },
  { id: 'unit.gigawatt', dimension: 'power', toBase: 1e9, spellings: ['gigawatt', 'gigawatts', 'gw'], label: 'GW' },
  { id: 'unit.kilowatt-hour', dimension: 'energy', toBase: 3.6e6, spellings: ['kilowatt-hour', 'kilowatt-hours', 'kilowatt hours', 'kwh'], label: 'kWh' },
  { id: 'unit.megawatt-hour', dimension: 'energy', toBase: 3.6e9, spellings: ['megawatt-hour', 'megawatt-hours', 'megawatt hours', 'mwh'], label: 'MWh' },
  { id: 'unit.gigawatt-hour', dimension: 'energy', toBase: 3.6e12, spellings: ['gigawatt-hour', 'gigawatt-hours', 'gigawatt hours', 'gwh'], label: 'GWh' },
  { id: 'unit.terawatt-hour', dimension: 'energy', toBase: 3.6e15, spellings: ['terawatt-hour', 'terawatt-hours', 'terawatt hours', 'twh'], label: 'TWh' },
  { id: 'unit.second', dimension: 'time', toBase: 1, spellings: ['second', 'seconds', 'sec', 'secs'], label: 'seconds' },
  { id: 'unit.minute', dimension: 'time', toBase: 60, spellings: ['minute', 'minutes', 'min', 'mins'], label: 'minutes' },
  { id: 'unit.hour', dimension: 'time', toBase: 3600, spellings: ['hour', 'hours', 'hr', 'hrs'], label: 'hours' },
  { id: 'unit.day', dimension: 'time', toBase: 86_400, spellings: ['day', 'days'], label: 'days' },
  { id: 'unit.week', dimension: 'time', toBase: 604_800, spellings: ['week', 'weeks'], label: 'weeks' },
  { id: 'unit.month', dimension: 'time', toBase: 2_629_746, spellings: ['month', 'months'], label: 'months' },
  { id: 'unit.year', dimension: 'time', toBase: 31_556_952, spellings: ['year', 'years'], label: 'years' },
  { id: 'unit.decade', dimension: 'time', toBase: 315_569_520, spellings: ['decade', 'decades'], label: 'decades' },
  { id: 'unit.kmh', dimension: 'speed', toBase: 1 / 3.6, spellings: ['km/h', 'kph', 'kilometres per hour', 'kilometers per hour'], label: 'km/h' },
  { id: 'unit.mph', dimension: 'speed', toBase: 0.44704, spellings: ['mph', 'miles per hour'], label: 'mph' },
  // Degrees of temperature are not converted: a Celsius and a Fahrenheit figure are told apart by their unit.
  { id: 'unit.celsius', dimension: 'temperature', toBase: 1, spellings: ['degrees celsius', '°c', 'c'], label: '°C' },
  { id: 'unit.fahrenheit', dimension: 'temperature', toBase: 1, spellings: ['degrees fahrenheit', '°f', 'f'], label: '°F' },
  { id: 'unit.percentage-point', dimension: 'ratio', toBase: 1, spellings: ['percentage point', 'percentage points', 'points'], label: 'percentage points' },
  { id: 'unit.basis-point', dimension: 'ratio', toBase: 0.01, spellings: ['basis point', 'basis points', 'bps', 'bp'], label: 'basis points' },
];

/** A currency, by symbol, code or word. Amounts are never converted across currencies. */
export interface CurrencyRow {
  id: string;
  code: string;
  /** How a figure line names it. */
  label: string;
  symbols: readonly string[];
  words: readonly string[];
}

/** Currencies, by symbol before a number or word after it ("$12,000", "€1.6bn", "5 billion euros"). */
export const CURRENCIES: readonly CurrencyRow[] = [
  { id: 'currency.usd', code: 'USD', label: 'US dollars', symbols: ['$', 'us$', 'usd'], words: ['dollar', 'dollars', 'us dollars'] },
  { id: 'currency.eur', code: 'EUR', label: 'euros', symbols: ['€', 'eur'], words: ['euro', 'euros'] },
  { id: 'currency.gbp', code: 'GBP', label: 'pounds sterling', symbols: ['£', 'gbp'], words: ['pounds sterling', 'sterling'] },
  { id: 'currency.jpy', code: 'JPY', label: 'yen', symbols: ['¥', 'jpy'], words: ['yen'] },
  { id: 'currency.cny', code: 'CNY', label: 'yuan', symbols: ['cny', 'rmb'], words: ['yuan', 'renminbi'] },
  { id: 'currency.inr', code: 'INR', label: 'rupees', symbols: ['₹', 'inr', 'rs'], words: ['rupee', 'rupees'] },
  { id: 'currency.cad', code: 'CAD', label: 'Canadian dollars', symbols: ['c$', 'ca$', 'cad'], words: ['canadian dollars'] },
  { id: 'currency.aud', code: 'AUD', label: 'Australian dollars', symbols: ['a$', 'au$', 'aud'], words: ['australian dollars'] },
  { id: 'currency.brl', code: 'BRL', label: 'reais', symbols: ['r$', 'brl'], words: ['real', 'reais'] },
  { id: 'currency.chf', code: 'CHF', label: 'Swiss francs', symbols: ['chf'], words: ['swiss francs', 'francs'] },
  { id: 'currency.rub', code: 'RUB', label: 'roubles', symbols: ['₽', 'rub'], words: ['rouble', 'roubles', 'ruble', 'rubles'] },
  { id: 'currency.mxn', code: 'MXN', label: 'Mexican pesos', symbols: ['mxn'], words: ['pesos', 'peso'] },
  { id: 'currency.ngn', code: 'NGN', label: 'naira', symbols: ['₦', 'ngn'], words: ['naira'] },
  { id: 'currency.krw', code: 'KRW', label: 'won', symbols: ['₩', 'krw'], words: ['won'] },
  // A hundredth of a dollar or euro: "38 cents per share". Its own unit, never converted.
  { id: 'currency.cent', code: 'cent', label: 'cents', symbols: [], words: ['cents', 'cent'] },
];

/** A word or phrase that bounds the number after it ("at least 120") or before it ("100 or more"). */
export interface BoundRow {
  id: string;
  bound: Bound;
  /** Lower-case phrases written right before the number. */
  before: readonly string[];
  /** Lower-case phrases written right after the number (and its unit). */
  after?: readonly string[];
  /**
   * Where the bound is the largest value seen across places, written after the number ("up to 20
   * hours in some places"): the maximum itself, as exact as any other value.
   */
  across?: RegExp;
  /** The bound read as a verb's particle, tested on the text before the number ("has gone up to 2,497"): then it bounds nothing. */
  particleOf?: RegExp;
}

/** How a figure is bounded as written. "Nearly" and "almost" read as about: close to, from below. */
export const BOUNDS: readonly BoundRow[] = [
  { id: 'bound.at-least', bound: 'at-least', before: ['at least', 'no fewer than', 'no less than', 'a minimum of', 'at minimum'] },
  {
    id: 'bound.more-than',
    bound: 'more-than',
    before: [
      'more than',
      'over',
      'upwards of',
      'in excess of',
      'just over',
      'well over',
      'exceeds',
      'exceeding',
      'exceeded',
      'topping',
      'topped',
      'above',
      'passed',
      'surpassed',
    ],
    after: ['or more', 'plus', '-plus'],
  },
  {
    id: 'bound.up-to',
    bound: 'up-to',
    before: ['up to', 'as much as', 'as many as', 'at most', 'no more than', 'as high as', 'a maximum of'],
    across: /^\s*(?:in|across|at)\s+(?:some|certain|several|many|parts\s+of|places)\b/i,
    particleOf: /\b(?:go|goes|going|gone|went|shot|jumped|climbed|moved|crept|ticked|edged|ramped|revised|risen|rose)\s+up\s+to\s*$/i,
  },
  { id: 'bound.fewer-than', bound: 'fewer-than', before: ['fewer than', 'less than', 'under', 'below', 'just under', 'shy of'] },
  {
    id: 'bound.about',
    bound: 'about',
    before: [
      'about',
      'around',
      'roughly',
      'approximately',
      'some',
      'an estimated',
      'estimated',
      'nearly',
      'almost',
      'close to',
      'just about',
      'approx.',
      'circa',
      'an approximate',
    ],
    after: ['or so'],
  },
];

/**
 * States that counted things are in ("killed", "missing", "injured"), and the words that name
 * the same count as a noun ("deaths", "fatalities", "the death toll"). A count of people in a
 * state measures that state: "82 people are dead" and "a death toll of 82" are one measure.
 */
export interface StateRow {
  id: string;
  /** The measure's head, as labels name it. */
  head: string;
  /** Past participles and adjectives after a count ("were killed", "remain missing"). */
  states: readonly string[];
  /** Verbs before a count ("killing 120"), as written. */
  verbs: readonly string[];
  /** Nouns that are this count ("deaths", "fatalities", "death toll"). */
  nouns: readonly string[];
  /** Label for a count of one kind of people in this state: "{who} killed". */
  of: string;
  /** What the event was, told once ("132 passengers aboard"), not a count that runs on by the hour like the dead or missing. */
  fixed?: boolean;
}

/** Casualty and displacement states, the counts disaster, conflict and accident reports are built on. */
export const STATES: readonly StateRow[] = [
  {
    id: 'state.dead',
    head: 'deaths',
    states: [
      'killed',
      'dead',
      'died',
      'die',
      'dies',
      'perished',
      'confirmed dead',
      'drowned',
      'slain',
      'murdered',
      'fatal',
      'lost their lives',
      'lost his life',
      'lost her life',
    ],
    verbs: [
      'killing',
      'killed',
      'kills',
      'claiming the lives of',
      'claimed the lives of',
      'left dead',
      'the loss of',
      'the lives of',
      'the deaths of',
      'mourning',
    ],
    nouns: [
      'death',
      'deaths',
      'fatality',
      'fatalities',
      'death toll',
      'toll',
      'dead',
      'casualties',
      'casualty count',
      'casualty toll',
      'lives lost',
      'killings',
    ],
    of: '{who} killed',
  },
  {
    id: 'state.missing',
    head: 'missing',
    states: [
      'missing',
      'unaccounted for',
      'known missing',
      'confirmed missing',
      'still missing',
      'reported missing',
      'unrecovered',
      'not been found',
      'not yet found',
      'yet to be found',
      // Not found, and feared dead: not yet counted among the dead.
      'presumed dead',
      'presumed drowned',
      'feared dead',
      'feared drowned',
      'feared killed',
      'believed dead',
      'believed drowned',
    ],
    verbs: ['look for', 'looking for', 'looked for', 'search for', 'searching for', 'searched for', 'hunt for', 'hunting for'],
    nouns: ['missing', 'missing persons', 'people missing'],
    of: '{who} missing',
  },
  {
    id: 'state.injured',
    head: 'injured',
    states: ['injured', 'wounded', 'hurt', 'hospitalized', 'hospitalised'],
    verbs: ['injuring', 'wounding', 'injured', 'wounded'],
    nouns: ['injuries', 'injured', 'wounded'],
    of: '{who} injured',
  },
  { id: 'state.rescued', head: 'rescued', states: ['rescued', 'saved'], verbs: ['rescuing', 'rescued'], nouns: ['rescues'], of: '{who} rescued' },
  {
    // An outbreak's count: "46 cases", "infected 56 people", "tested positive".
    id: 'state.infected',
    head: 'cases',
    states: ['infected', 'sickened', 'confirmed cases', 'tested positive', 'have tested positive', 'fallen ill', 'fell ill'],
    verbs: ['infecting', 'infected', 'sickening', 'sickened'],
    nouns: ['cases', 'confirmed cases', 'infections', 'infected'],
    of: '{who} infected',
  },
  {
    id: 'state.evacuated',
    head: 'evacuated',
    states: [
      'evacuated',
      'under evacuation orders',
      'under mandatory evacuation orders',
      'under evacuation order',
      'under orders to evacuate',
      'under orders to flee',
      'ordered to evacuate',
      'ordered to leave',
    ],
    verbs: ['evacuating', 'evacuations for'],
    nouns: ['evacuations', 'evacuees'],
    of: '{who} evacuated',
  },
  {
    id: 'state.displaced',
    head: 'displaced',
    states: ['displaced', 'internally displaced', 'homeless', 'left homeless', 'forced to flee', 'forced from their homes'],
    verbs: ['displacing'],
    nouns: ['displaced', 'internally displaced people', 'displaced people'],
    of: '{who} displaced',
  },
  {
    id: 'state.aboard',
    head: 'people aboard',
    states: [
      'aboard',
      'on board',
      'on the vessel',
      'on the ferry',
      'on the boat',
      'on the ship',
      'on the plane',
      'on the flight',
      'on the bus',
      'on the train',
    ],
    verbs: ['carrying', 'filled with', 'packed with', 'crammed with'],
    nouns: [],
    of: '{who} aboard',
    fixed: true,
  },
  { id: 'state.stranded', head: 'stranded', states: ['stranded', 'trapped', 'stuck'], verbs: [], nouns: [], of: '{who} stranded' },
  {
    id: 'state.arrested',
    head: 'arrested',
    states: ['arrested', 'detained', 'jailed', 'charged'],
    verbs: ['arresting', 'detaining'],
    nouns: ['arrests', 'detentions'],
    of: '{who} arrested',
  },
  {
    id: 'state.unidentified',
    head: 'unidentified',
    states: ['unidentified', 'not yet identified', 'yet to be identified', 'not been identified'],
    verbs: [],
    nouns: [],
    of: '{who} unidentified',
  },
  {
    id: 'state.affected',
    head: 'affected',
    states: ['affected', 'without power', 'without electricity', 'left without power'],
    verbs: [],
    nouns: [],
    of: '{who} affected',
  },
];
