/** Month and weekday words, written once: the names, and the pattern pieces the date rules are built from. */

/** The months' names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The weekdays' names, Monday first. */
export const WEEKDAY_NAMES: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `jan|feb|…|dec`: the three letters every way of writing a month starts with (read with the `i` flag). */
export const MONTH_STEMS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase()).join('|');

/** `jan(?:uary)?|…|sep(?:t(?:ember)?)?|…`: a month written whole or abbreviated (with the `i` flag). */
export const MONTH_WORDS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** `mon|tues?|…(?:day)?`: a weekday written whole or abbreviated (with the `i` flag). */
export const WEEKDAY_WORDS = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

/** `January|…|December`, as written, capitalised. */
export const MONTH_ALTERNATION = MONTH_NAMES.join('|');

/** `Monday|…|Sunday`, as written, capitalised. */
export const WEEKDAY_ALTERNATION = WEEKDAY_NAMES.join('|');

/** Units of calendar time, singular: "days", "a quarter", "in the year". */
export const TIME_UNITS: readonly string[] = ['day', 'week', 'month', 'year', 'quarter', 'decade', 'hour'];

/** Any of them, singular or plural, as a regular expression's group. */
export const TIME_UNIT_WORDS = `(?:${TIME_UNITS.join('|')})s?`;
