/** Rules that tell page furniture (captions, credits, bylines, navigation) from an article's prose. */

/** A paragraph-level rule: when `test` holds, the paragraph is furniture for `reason`. */
interface Rule {
  reason: string;
  test: (text: string) => boolean;
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const endsLikeProse = (s: string): boolean => /[.!?…"”’')\]]$/.test(s.trim());

const CREDIT_IN_PARENS =
  /\((?:[^()]{0,120}\b(?:photo|photos|photograph|image|picture|courtesy|credit|illustration|file|handout|getty|reuters|afp|ap)\b[^()]{0,120})\)\s*\S{0,30}$/i;
const CREDIT_LABEL = /(?:^|[\s.])(?:photo|photograph|image|picture|credit|illustration|video)s?\s*(?:by)?\s*:\s*\S/i;
const AGENCY_SLASH = /\b(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg)\s*(?:Photo|Images?)?\s*\/\s*[A-Z]/;
const NAV = /^(?:related(?: posts| articles| stories| content| coverage)?|next|previous|prev|read more|read next|more from .{1,40}|more on this story|see also|share(?: this)?(?: article| story)?|advertisement|sponsored|subscribe.*|sign up.*|newsletter.*|recommended(?: for you)?|you may also like|trending(?: now)?|most read|popular|comments?|leave a comment|tags?:.*|filed under.*|topics?:.*)$/i;
const FOLLOW = /^(?:follow|sign up|subscribe|click here|download|listen|watch|read|get)\b[^.]{0,200}(?:https?:\/\/|www\.|\bat\s+\S+\.\w{2,})/i;
const SOURCE_LINE = /^(?:original\s+)?(?:source|sources|via|credit|reporting by|additional reporting|edited by|writing by)\s*:/i;
const BYLINE = /^by\b(?:\s+[A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,5})?\s*$/i;
const SEPARATOR = /^[\s_*=~#·•|-]*$/;

/** Checked in order; the first that matches names the reason. */
export const FURNITURE_RULES: readonly Rule[] = [
  { reason: 'separator', test: (t) => SEPARATOR.test(t) },
  { reason: 'navigation', test: (t) => NAV.test(t.trim()) },
  { reason: 'byline', test: (t) => BYLINE.test(t.trim()) },
  { reason: 'source line', test: (t) => SOURCE_LINE.test(t.trim()) },
  { reason: 'follow-us line', test: (t) => FOLLOW.test(t.trim()) },
  { reason: 'photo caption', test: (t) => CREDIT_IN_PARENS.test(t) || AGENCY_SLASH.test(t) || (CREDIT_LABEL.test(t) && words(t) < 80) },
  { reason: 'short label', test: (t) => words(t) <= 6 && !endsLikeProse(t) },
  { reason: 'link', test: (t) => /https?:\/\/\S+/.test(t) && words(t) < 30 },
];

/** Markers after which the rest of a page is navigation, when what follows is short. */
export const END_MARKERS = /^(?:related(?: posts| articles| stories| content| coverage)?|next|read more|read next|more from .{1,40}|more on this story|see also|you may also like|recommended(?: for you)?|trending(?: now)?|most read)$/i;

/** Returns the reason a paragraph is furniture, or undefined for prose. */
export function furnitureReason(text: string): string | undefined {
  return FURNITURE_RULES.find((r) => r.test(text))?.reason;
}

/** A dateline such as "LIMA, Peru (AP) — ": the place and the length to strip. */
export function datelineOf(text: string): { city: string; country?: string | undefined; length: number } | undefined {
  const m = /^([A-Z][A-Z .'’-]{1,40}?)(?:,\s*([A-Z][\w .'’-]{1,40}?))?\s*(?:\(([A-Za-z .&-]{1,30})\))?\s*[—–-]{1,2}\s+/.exec(text);
  if (!m?.[1]) return undefined;
  // Need an all-caps city and either an agency tag or a dash right after it.
  if (!/[A-Z]{3,}/.test(m[1]) || (!m[3] && !m[2])) return undefined;
  return { city: m[1].trim(), country: m[2]?.trim(), length: m[0].length };
}
