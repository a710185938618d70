/**
 * A Markdown article as Sitrep's text format: the headline and `Key: value` header lines as they
 * are (a leading `#` off the headline), then each block of the body (paragraph, heading, list item,
 * quote) as one line of plain text, read by markdown-it: no `**`, `#` or list markers, links as
 * their text.
 */
import MarkdownIt, { type Token } from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false });

/** A header line of Sitrep's article format: `Source: …`, `Date: …`, `Published: …`, `Updated: …`. */
const HEADER = /^(?:source|date|published|updated):/i;

/** The plain text of an inline token's children: text and code as written, breaks as spaces. */
function inlineText(children: readonly Token[] | null): string {
  let out = '';
  for (const c of children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
    else if (c.type === 'image') out += inlineText(c.children);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The article text of a Markdown file. */
export function markdownArticleText(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  while (i < lines.length && !lines[i]?.trim()) i++;
  const head: string[] = [];
  if (i < lines.length)
    head.push(
      (lines[i++] ?? '')
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/[*_`]+/g, '')
        .trim(),
    );
  // Header lines, blank lines between them allowed.
  for (let k = i; k < lines.length; k++) {
    const line = lines[k]?.trim() ?? '';
    if (HEADER.test(line)) {
      head.push(line);
      i = k + 1;
    } else if (line) break;
  }
  const body: string[] = [];
  for (const token of md.parse(lines.slice(i).join('\n'), {})) {
    if (token.type === 'inline') {
      const line = inlineText(token.children);
      if (line) body.push(line);
    } else if ((token.type === 'code_block' || token.type === 'fence') && token.content.trim()) body.push(token.content.replace(/\s+/g, ' ').trim());
  }
  return `${[...head, ...body].join('\n')}\n`;
}
