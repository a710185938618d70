/** HTML fragments as plain paragraphs (linkedom's DOM): feed item content, and Readability's article HTML. */
import { parseHtml, type DomNode } from './dom.js';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'FIGCAPTION', 'CAPTION', 'ADDRESS']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'SELECT', 'TEXTAREA']);

const squash = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * The paragraphs of an element: each block element's text on its own, loose text between blocks
 * gathered into paragraphs of its own, `<br><br>` as a paragraph break. `skip` drops elements
 * (captions, say) by tag name.
 */
export function paragraphsOfNode(root: DomNode, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = squash(line);
    if (t) out.push(t);
    line = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag) || skip.has(tag)) return;
    if (tag === 'BR') {
      // One <br> is a line break inside a paragraph; two in a row end it.
      if (/\n$/.test(line)) flush();
      else line += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block || tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE' || tag === 'UL' || tag === 'OL' || tag === 'TABLE' || tag === 'TR') flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** The paragraphs of an HTML fragment (or of plain text, split on blank lines). */
export function paragraphsOfHtml(html: string): string[] {
  if (!/<[a-z!/][^>]*>/i.test(html))
    return html
      .split(/\n\s*\n|\r?\n/)
      .map(squash)
      .filter(Boolean);
  return paragraphsOfNode(parseHtml(`<!doctype html><html><body>${html}</body></html>`).body);
}

/** An HTML fragment as one line of text (titles, summaries). */
export const textOfHtml = (html: string): string => paragraphsOfHtml(html).join(' ');
