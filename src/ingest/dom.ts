/** linkedom's parseHTML behind the few DOM members Sitrep uses (the project compiles without the DOM lib). */
import { parseHTML as linkedomParse } from 'linkedom';

/** A DOM node as walked for text. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** A DOM element, as far as page extraction needs. */
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

/** A parsed document. */
export interface DomDocument extends DomElement {
  body: DomElement;
}

/** A document as linkedom returns it: with no root element or body for some inputs. */
type ParsedDocument = Omit<DomDocument, 'body'> & { documentElement: DomElement | null; body: DomElement | null };
const parse = (html: string): ParsedDocument => (linkedomParse as unknown as (html: string) => { document: ParsedDocument })(html).document;
const complete = (d: ParsedDocument): d is ParsedDocument & DomDocument => d.documentElement !== null && d.body !== null;

/**
 * Parses an HTML page or fragment into a DOM. linkedom leaves a document with no root for text
 * that does not open with an element (empty, plain text, a lone "<", a bare doctype): such text is
 * read as the body of an empty page.
 */
export function parseHtml(html: string): DomDocument {
  const document = parse(html);
  if (complete(document)) return document;
  const wrapped = parse(`<!doctype html><html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`);
  if (complete(wrapped)) return wrapped;
  throw new Error('the HTML parser made no document of it');
}
