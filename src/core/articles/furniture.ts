/** Rules that tell page furniture (captions, credits, bylines, navigation, prompts) from an article's prose. */
import escapeStringRegexp from 'escape-string-regexp';
import { anyOf } from '../text.js';

/** A paragraph-level rule: when `test` holds, the paragraph is furniture; `reason` says why (its id). */
interface Rule {
  reason: string;
  test: (text: string) => boolean;
}

/** Whether a UTF-16 code unit is white space as `\s` means it. */
const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** The last text counted, and its words: the rules ask of one paragraph in turn, many of them its length. */
let counted = { text: '', words: 0 };
/** How many words (runs of non-space) a text has; counted without splitting it, as every paragraph is counted. */
const words = (s: string): number => {
  if (s !== counted.text) {
    let n = 0;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const space = isSpace(s.charCodeAt(i));
      if (!space && !inWord) n++;
      inWord = !space;
    }
    counted = { text: s, words: n };
  }
  return counted.words;
};
const endsLikeProse = (s: string): boolean => /[.!?…"”’')\]]$/.test(s.trim());
/** Phrases as regex alternatives, each escaped and with any run of space between its words. */
const anyPhrase = (phrases: readonly string[]): string => phrases.map((p) => escapeStringRegexp(p).replace(/ /g, '\\s+')).join('|');

/** Headings that open a list of links to other stories: what follows them is not the article. */
const LIST_HEADINGS: readonly string[] = [
  'related',
  'related posts',
  'related articles',
  'related stories',
  'related content',
  'related coverage',
  'related news',
  'related links',
  'recent posts',
  'recent stories',
  'recent articles',
  'latest posts',
  'latest news',
  'latest stories',
  'latest articles',
  'the latest',
  'more stories',
  'more news',
  'more articles',
  'more coverage',
  'more on this story',
  'more in this section',
  'read more',
  'read next',
  'read also',
  'also read',
  'see also',
  'further reading',
  'up next',
  'next',
  'previous',
  'prev',
  'recommended',
  'recommended stories',
  'recommended for you',
  'recommended reading',
  'recommended articles',
  "editor's picks",
  'editors picks',
  'you may also like',
  'you might also like',
  'you may have missed',
  'in case you missed it',
  "don't miss",
  'must read',
  'top stories',
  'trending',
  'trending now',
  'trending stories',
  'most read',
  'most popular',
  'most viewed',
  'popular',
  'popular posts',
  'popular stories',
];
/** A list's heading ("Recent Posts", "More from Reuters"): what follows it is links, and when short, the page's end. */
export const LIST_HEADING = new RegExp(`^(?:${anyPhrase(LIST_HEADINGS)}|more from .{1,40})\\s*:?$`, 'i');

/** One-line page labels: sharing, ads, comments, site chrome. */
const PAGE_LABELS: readonly string[] = [
  'share',
  'share now',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on x',
  'share via email',
  'advertisement',
  'ad',
  'hide ad',
  'sponsored',
  'sponsored content',
  'paid content',
  'partner content',
  'promoted',
  'story continues below',
  'story continues below advertisement',
  'continue reading',
  'continue reading below',
  'scroll to continue',
  'skip to content',
  'skip ad',
  'comments',
  'comment',
  'leave a comment',
  'view comments',
  'show comments',
  'print',
  'email',
  'close',
  'menu',
  'listen',
  'listen to this article',
  'watch',
  'watch live',
  'play video',
  'subscribe',
  'subscribe now',
  'log in',
  'sign in',
  'register',
  'already a subscriber?',
  'already a subscriber',
];
const PAGE_LABEL = new RegExp(`^(?:${anyPhrase(PAGE_LABELS)})\\s*[.!:]?$`, 'i');

/** Paywall prompts: unambiguous wherever they stand. */
const PAYWALL_PROMPTS = [
  /already a subscriber|already have an account/,
  /subscribe (?:now|today) to|to continue reading|subscribe to (?:continue|read)/,
  /log in to (?:continue|read)|sign in to (?:continue|read)/,
  /create a free account|you have reached your (?:limit|free)/,
];
const PAYWALL = new RegExp(String.raw`\b${anyOf(PAYWALL_PROMPTS)}\b`, 'i');
/** Newsletter and app prompts: their words, said to the reader ("your inbox", "free"). */
const PROMPT_WORDS = [
  /subscribe|sign(?:ing)? up|newsletters?|inbox(?:es)?/,
  /(?:daily|weekly|free) (?:e-?mail|briefing|digest|edition)/,
  /download (?:our|the) app|push (?:notifications|alerts)|free articles?/,
];
const PROMPT = new RegExp(String.raw`\b${anyOf(PROMPT_WORDS)}\b`, 'i');
const READER = /\b(?:you|your|you're|you'll|free|delivered)\b/i;
/** What a sign-up form asks the reader to accept. */
const SIGN_UP_TERMS = /\b(?:terms of (?:service|use)|privacy (?:policy|notice)|opt[- ]out at any time|unsubscribe at any time)\b/i;
/** The verbs of an imperative addressed to the reader. */
const IMPERATIVE_VERBS = [
  /get|escape|join|download|try|start|stay|discover|explore|unlock|become/,
  /support|donate|tap|click|share|follow|subscribe|sign up|never miss|don't miss/,
  /listen|watch|read|find|learn|enjoy|upgrade|register/,
];
/** An imperative addressed to the reader: "Escape your echo chamber.", "Get the facts ... for you." */
const IMPERATIVE = new RegExp(String.raw`^${anyOf(IMPERATIVE_VERBS)}\b`, 'i');
/** The same imperative opening any sentence of a short paragraph: "Want to catch up? Click to follow ... wherever you get podcasts." */
const IMPERATIVE_SENTENCE = new RegExp(String.raw`(?:^|[.!?]\s+)${anyOf(IMPERATIVE_VERBS)}\b`, 'i');

const CREDIT_IN_PARENS =
  /\((?:[^()]{0,120}\b(?:photo|photos|photograph|image|picture|courtesy|credit|illustration|file|handout|getty|reuters|afp|ap)\b[^()]{0,120})\)\s*\S{0,30}$/i;
/** A trailing "(Name Surname / Outlet)" or "(Name/Outlet)": how many sites credit a photographer. */
const SLASH_CREDIT = /\(\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\/\s*[A-Z][^()]{1,60}\)\s*$/;
/** "... near the ridge. Photo by Lee Park/Valley Herald": a credit that ends the line. */
const CREDIT_BY = /\b(?:photo|photograph|image|picture|video)s?\s+by\s+[A-Z][^.!?]{1,80}$/i;
const CREDIT_LABEL = /(?:^|[\s.])(?:photo|photograph|image|picture|credit|illustration|video)s?\s*(?:by)?\s*:\s*\S/i;
const AGENCY_SLASH = /\b(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg)\s*(?:Photo|Images?)?\s*\/\s*[A-Z]/;
const TRAILING_AGENCY_CREDIT = /\b(?:via Getty Images|Getty Images|Shutterstock|Alamy(?: Stock Photo)?|AP Photo|Reuters Photo|AFP Photo)\s*\)?\s*$/;
/** A photo agency's initials in brackets ending a line that no full stop ends first: "... had their plans disrupted (EPA)". */
const TRAILING_INITIALS_CREDIT = /[^.!?"”\s]\s*\((?:EPA|AP|AFP|PA|AAP|ANI|IANS|PTI|UPI|Xinhua|Reuters|Getty|Alamy)(?:\s*\/\s*[A-Z][^()]{0,40})?\)\s*$/;
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?|\b)|[?&](?:crop|width|height|quality|fit|resize|auto|format|w|h|q)=\S/i;
const AD_PREFIX = /^(?:advertisement|hide ad)/i;
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s*\d{4})/i;
/** Disclaimers: "provided as is", "not investment advice", "may not be reproduced". */
const DISCLAIMERS = [
  /provides? (?:the|this|such) information ["'“]?as is|(?:is|are) provided ["'“]?as is|without warranty/,
  /for (?:general )?informational purposes only/,
  /does not constitute (?:financial|investment|legal|medical) advice|not investment advice/,
  /may not be (?:published|reproduced|broadcast|rewritten|redistributed)/,
  /the views (?:and opinions )?expressed (?:here|herein|in this)/,
  // An aggregator's note on itself: "Denial of responsibility! ... is an automatic aggregator ... All trademarks belong to their rightful owners".
  /denial of responsibility|(?:is|are) an automatic aggregator|all trademarks belong to their (?:rightful )?owners/,
];
const DISCLAIMER = new RegExp(String.raw`\b${anyOf(DISCLAIMERS)}\b`, 'i');
const CONTRIBUTOR = /\b(?:contributed (?:to )?(?:this )?(?:report|reporting|story|article)|(?:is|are) solely responsible for all content)\b/i;
const FOLLOW = /^(?:follow|sign up|subscribe|click here|download|listen|watch|read|get|find)\b[^.]{0,200}(?:https?:\/\/|www\.|\bat\s+\S+\.\w{2,})/i;
const SOURCE_LINE =
  /^(?:original\s+)?(?:source|sources|via|credit|reporting by|additional reporting|edited by|editing by|writing by|related|our standards)\s*:/i;
/** "Reporting by Ana Ruiz; Editing by Tom Vale": the wire's credits. */
const CREDIT_LINE = /^(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|edited|graphics?)\s+by\s+[A-Z]/i;
/** "Read more: Floods close the port": one link with its label. */
const LINK_LABEL = /^(?:read more|read also|also read|related|see also|more|watch|listen|read next|recommended|must read)\s*:\s*\S/i;
/** "FILE - Firefighters battle ...": an archive photo's caption; "Image caption, ..." says so itself. */
const CAPTION_LABEL = /^(?:FILE\s*[-–—]\s|(?:image|photo|video|picture)\s+(?:caption|source|credit)\b)/i;
/** The openings of notes about the page. */
const PAGE_NOTES = [
  /editor['’]s note\b/,
  /this (?:story|article|report) (?:has been|was) (?:updated|corrected|amended|originally published)\b/,
  /(?:this (?:story|article) )?(?:originally|first) (?:appeared|published) (?:on|in)\b/,
];
/** "Editor's note: ...", "This story has been updated": notes about the page, not the story. */
const PAGE_NOTE = new RegExp(`^${anyOf(PAGE_NOTES)}`, 'i');
/** The openings of a comment form. */
const COMMENT_FORMS = [/leave a reply|leave a comment|cancel reply/, /your email address will not be published|required fields are marked/];
/** Tag lists and comment forms: "Tags: floods, rescue", "Your email address will not be published." */
const PAGE_FORM = new RegExp(String.raw`^(?:tags?|topics?|filed under|categories|category)\s*:|^${anyOf(COMMENT_FORMS)}`, 'i');
const CONTACT = /\b[\w.+-]+@[\w-]+\.[\w.]+\b|^(?:contact|email|e-mail|reach)\s+(?:the\s+)?(?:reporter|writer|author|us|[A-Z]\w+)\b.*(?:@|\bat\b)/i;
/** What CONTACT cannot match without: an "@", or its opening word. Most paragraphs have neither, and CONTACT scans every word. */
const maybeContact = (t: string): boolean => t.includes('@') || /^(?:contact|email|e-mail|reach)\s/i.test(t);
const BYLINE = /^(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,5}(?:\s*,\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})?\s*$/;
const TIMESTAMP = /^(?:updated|published|posted|last updated|first published|modified|created)\b[^.!?]{0,60}\d/i;
const NUMBERED_SUBHEAD = /^\d{1,2}[.)]\s+\S/;
const SEPARATOR = /^[\s_*=~#·•|×✕-]*$/;

/**
 * Checked in order; the first that matches names the reason. A word count comes first in a rule: it
 * is counted once a paragraph, and spares the patterns of a paragraph too long for the rule.
 */
const FURNITURE_RULES: readonly Rule[] = [
  { reason: 'separator', test: (t) => SEPARATOR.test(t) },
  { reason: 'navigation', test: (t) => LIST_HEADING.test(t.trim()) || PAGE_LABEL.test(t.trim()) },
  { reason: 'ad label', test: (t) => words(t) <= 12 && AD_PREFIX.test(t.trim()) },
  { reason: 'image url', test: (t) => words(t) < 30 && IMAGE_URL.test(t) },
  { reason: 'byline', test: (t) => BYLINE.test(t.trim()) || (/^(?:By|BY)\s+[A-Z]/.test(t.trim()) && words(t) <= 12 && !/[.!?"”]$/.test(t.trim())) },
  { reason: 'credit line', test: (t) => words(t) < 30 && CREDIT_LINE.test(t.trim()) },
  { reason: 'page note', test: (t) => words(t) < 40 && PAGE_NOTE.test(t.trim()) },
  { reason: 'tags or form', test: (t) => words(t) < 40 && PAGE_FORM.test(t.trim()) },
  { reason: 'contact line', test: (t) => words(t) < 25 && maybeContact(t) && CONTACT.test(t) },
  { reason: 'link', test: (t) => words(t) < 25 && (LINK_LABEL.test(t.trim()) || LINK_LABEL.test(t.trim().replace(/^\[(.*)\]$/, '$1'))) },
  { reason: 'timestamp', test: (t) => words(t) <= 12 && TIMESTAMP.test(t.trim()) && !/[.!?"”]$/.test(t.trim().replace(/\b[ap]\.m\.$/i, '')) },
  {
    reason: 'copyright',
    test: (t) => words(t) < 30 && ((COPYRIGHT.test(t.trim()) && (/\d{4}/.test(t) || !/[.!?]$/.test(t.trim()))) || /\ball rights reserved\b/i.test(t)),
  },
  { reason: 'disclaimer', test: (t) => words(t) < 80 && DISCLAIMER.test(t) },
  { reason: 'contributor line', test: (t) => words(t) < 40 && CONTRIBUTOR.test(t) },
  { reason: 'source line', test: (t) => SOURCE_LINE.test(t.trim()) },
  { reason: 'follow-us line', test: (t) => FOLLOW.test(t.trim()) },
  { reason: 'paywall prompt', test: (t) => words(t) < 40 && PAYWALL.test(t) },
  // A sign-up form flattened into one line: the prompt and the legal terms it asks the reader to accept.
  { reason: 'reader prompt', test: (t) => words(t) < 120 && PROMPT.test(t) && SIGN_UP_TERMS.test(t) },
  {
    reason: 'reader prompt',
    test: (t) =>
      words(t) < 40 &&
      ((PROMPT.test(t) && (READER.test(t) || IMPERATIVE.test(t.trim()))) || (IMPERATIVE_SENTENCE.test(t.trim()) && /\b(?:you|your)\b/i.test(t))),
  },
  {
    reason: 'photo caption',
    test: (t) =>
      CAPTION_LABEL.test(t.trim()) ||
      CREDIT_IN_PARENS.test(t) ||
      CREDIT_BY.test(t.trim()) ||
      SLASH_CREDIT.test(t.trim()) ||
      AGENCY_SLASH.test(t) ||
      TRAILING_AGENCY_CREDIT.test(t.trim()) ||
      TRAILING_INITIALS_CREDIT.test(t.trim()) ||
      (CREDIT_LABEL.test(t) && words(t) < 80),
  },
  { reason: 'numbered subhead', test: (t) => words(t) <= 15 && NUMBERED_SUBHEAD.test(t.trim()) && !/[.!"”]$/.test(t.trim()) },
  // "What next?", "Why it matters?": a subhead, not a question the story asks.
  { reason: 'subhead', test: (t) => words(t) <= 4 && /\?$/.test(t.trim()) },
  { reason: 'short label', test: (t) => words(t) <= 6 && !endsLikeProse(t) },
  { reason: 'link', test: (t) => words(t) < 30 && /https?:\/\/\S+/.test(t) },
];

/** Returns the reason a paragraph is furniture, or undefined for prose. */
export function furnitureReason(text: string): string | undefined {
  return FURNITURE_RULES.find((r) => r.test(text))?.reason;
}

/** A line inside a list of links: a bullet, a bare headline, a date. */
export function isListItem(text: string): boolean {
  const t = text.trim();
  if (/^[-•*·▪►»–—]\s/.test(t)) return true;
  if (!/[.!"”]$/.test(t)) return true;
  return words(t) < 8;
}

/**
 * Present-tense scene verbs of photo captions ("stands outside", "are pictured"): with repetition on
 * the page, they tell a caption printed twice from a paragraph that a site repeats.
 */
const CAPTION_VERBS = new RegExp(
  String.raw`\b${anyOf([
    /stands?|sits?|walks?|holds?|looks? on|waits?|poses?|gathers?|speaks?|arrives?|attends?/,
    /watches|carries|carry|lies|rests?|passes/,
    /is pictured|are pictured|is seen|are seen|is shown|are shown/,
    /smiles?|waves?|listens?|reacts?|prays?|hugs?|embraces?|marches|wades?|surveys?|inspects?|clears?|cleans?|searches/,
  ])}\b`,
);

/** Whether a paragraph that the page prints more than once reads like a photo caption. */
export function looksLikeCaption(text: string): boolean {
  return CAPTION_VERBS.test(text) || furnitureReason(text) === 'photo caption';
}

/** A site-name suffix on a headline: " – The Site", " | Site News". */
const SITE_SUFFIX = /\s+[–—|·:-]\s+[^–—|·:]{2,40}$/;
const headlineKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a line repeats the headline, with or without a site name after it. */
export function repeatsHeadline(line: string, headline: string): boolean {
  if (line === headline) return true;
  // A site name adds a few words at most: a paragraph much longer or shorter is no copy.
  if (Math.abs(line.length - headline.length) > 60) return false;
  const h = headlineKey(headline);
  if (!h) return false;
  const bare = (s: string): string => {
    const m = SITE_SUFFIX.exec(s);
    return m && words(m[0]) <= 6 ? s.slice(0, m.index) : s;
  };
  const l = headlineKey(line);
  return l === h || headlineKey(bare(line)) === h || headlineKey(bare(headline)) === l;
}

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
/** "July 5 (UPI) --", "LONDON, March 3 (Reuters) -": a dated dateline, with or without a city. */
/** A dateline's day ("July 5", "Sept. 30, 2025"), and its agency tag ("(UPI)"). */
const DATELINE_DAY = `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*`;
const AGENCY_TAG = `\\(([A-Za-z .&-]{1,30})\\)`;
const DATELINE_DASH = `\\s*[—–-]{1,2}\\s*(?=\\S)`;
/** After an agency tag the dash may be left out ("Ahmedabad, Jun 13 (PTI) Investigators..."). */
const TAG_THEN_TEXT = `${AGENCY_TAG}(?:${DATELINE_DASH}|\\s+(?=[A-Z“"]))`;
const DATED_DATELINE = new RegExp(`^(?:([A-Z][A-Z .'’-]{1,40}?),\\s*(?:[A-Z][\\w .'’-]{1,40}?,\\s*)?)?${DATELINE_DAY}(?:${TAG_THEN_TEXT}|${DATELINE_DASH})`);
/** "New York, Sept. 30 (Petra) –": a city in title case, a date and an agency tag before the dash. */
const TITLED_DATELINE = new RegExp(`^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\\s*${DATELINE_DAY}${TAG_THEN_TEXT}`);
/** "MADRID: Power was...", "SEATTLE—Acme workers...": an all-caps city and a colon or a dash. */
const TIGHT_DATELINE = /^([A-Z]{3,}(?:[ .'’-]+[A-Z]{2,})*)(?::\s+|\s*[—–]\s*)(?=[A-Z“"])/;
/** Labels that look like a dateline but name none. */
const NOT_A_CITY = /^(?:UPDATE|UPDATED|BREAKING|WATCH|NOTE|EDITOR'?S NOTE|CORRECTION|LIVE|EXCLUSIVE|ANALYSIS|OPINION|FACT CHECK|VIDEO|PHOTOS|AUDIO)$/;

/** A dateline such as "LIMA, Peru (AP) — " or "July 5 (UPI) -- ": the place (if any) and the length to strip. */
export function datelineOf(text: string): { city: string; country?: string | undefined; length: number } | undefined {
  const m = /^([A-Z][A-Z .'’-]{1,40}?)(?:,\s*([A-Z][\w .'’-]{1,40}?))?\s*(?:\(([A-Za-z .&-]{1,30})\))?\s*[—–-]{1,2}\s+/.exec(text);
  // Need an all-caps city and either an agency tag or a dash right after it.
  if (m?.[1] && /[A-Z]{3,}/.test(m[1]) && (m[3] || m[2])) return { city: m[1].trim(), country: m[2]?.trim(), length: m[0].length };
  const d = DATED_DATELINE.exec(text);
  // A date alone is a dateline only with an agency tag or a double dash ("July 5 (UPI) --").
  if (d && (d[1] || d[2] || /--/.test(d[0]))) return { city: d[1]?.trim() ?? '', length: d[0].length };
  // "New York, Sept. 30 (Petra) –": a city in title case, with a date and an agency tag.
  const titled = TITLED_DATELINE.exec(text);
  if (titled?.[1]) return { city: titled[1].trim(), length: titled[0].length };
  const t = TIGHT_DATELINE.exec(text);
  if (t?.[1] && !NOT_A_CITY.test(t[1].trim())) return { city: t[1].trim(), length: t[0].length };
  return undefined;
}
