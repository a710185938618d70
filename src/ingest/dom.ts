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

/** Parses an HTML page or fragment into a DOM. */
export const parseHtml = (html: string): DomDocument => (linkedomParse as unknown as (html: string) => { document: DomDocument })(html).document;
