/**
 * Text from articles made safe to show: no character that changes how the text around it is laid
 * out or read. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF) and every other Unicode format character go, and so
 * do control characters other than tab and line feed. An override cut off by clipping can then
 * never leave the rest of a message reversed. Quotes in JSON keep their characters as written.
 */
import { stripVTControlCharacters } from 'node:util';

const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const KEPT = new Set(['\n', '\t']);

/** `s` without format or control characters (tab and line feed stay). */
export const visible = (s: string): string => s.replace(INVISIBLE, (c) => (KEPT.has(c) ? c : ''));

/** Text for a terminal: escape sequences ("ESC[2J" clears a screen) go whole, then what `visible` removes. */
export const terminalText = (s: string): string => visible(stripVTControlCharacters(s));
