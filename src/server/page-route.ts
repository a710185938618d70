/**
 * `GET /b/<subject>[/<topic or words>]`: a subject's full briefing as a page. A page opens with a
 * valid signed link (or for a subject with `page_access: public`); any other request gets the same
 * bare 404, whether the subject exists or not. The page runs no script and loads nothing: the
 * Content-Security-Policy allows only its own stylesheet, by hash.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { changesSince } from '../core/briefing/changes.js';
import { brief } from '../core/briefing/set.js';
import type { Logger } from '../log.js';
import { PAGE_STYLE, renderPage } from '../render/page.js';
import { whatsNewLines } from '../render/whats-new.js';
import type { Library } from '../service/library.js';
import type { CoverageStore } from '../store/store.js';
import type { Route } from './http.js';
import type { PageLinks } from './page-links.js';

/** The page's headers: its stylesheet allowed by hash, nothing else loaded, no referrer sent on. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; ` +
    "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'private, no-store',
};

/** What the route reads. */
export interface PageRouteDeps {
  library: Library;
  links: PageLinks;
  logger: Pick<Logger, 'info'>;
  /** What digests covered: a link from a digest (`since=<run>`) leads with what is new since the run before it. */
  coverage?: Pick<CoverageStore, 'byRun'> | undefined;
  now?: (() => number) | undefined;
}

const notFound = (res: ServerResponse): void => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }).end('Not found.\n');
};

/** A path's segments, decoded; undefined when one cannot be. */
function segments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** The route under `/b/`. */
export function pageRoute(deps: PageRouteDeps): Route {
  const clock = deps.now ?? Date.now;
  return {
    path: '/b/',
    prefix: true,
    async handler(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD.\n');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://page.invalid');
      const parts = segments(url.pathname.slice('/b/'.length));
      const [name, ...rest] = parts ?? [];
      const topic = rest.join(' ').trim().replace(/\s+/g, ' ') || undefined;
      const subject = deps.library.subjects.find((s) => s.name === name);
      const now = clock();
      const since = url.searchParams.get('since') ?? undefined;
      const signed = subject ? deps.links.verify(subject.name, topic, url.searchParams.get('t') ?? undefined, now, since) : false;
      if (!subject || (subject.pageAccess !== 'public' && !signed)) {
        notFound(res);
        return;
      }
      const r = brief(subject.set, topic);
      if (!r.ok) {
        notFound(res);
        return;
      }
      // Only a signed run key: what a digest covered is read for the link that digest carried.
      const previous = since && signed ? await deps.coverage?.byRun(since) : undefined;
      const whatsNew = previous
        ? {
            since: previous.postedAt,
            lines: whatsNewLines(
              changesSince(previous.coverage, { briefing: r.value, keys: subject.keys ?? new Map<string, string>(), sentences: subject.set.sentences }),
              r.value.sources,
            ),
          }
        : undefined;
      const html = renderPage(r.value, { generatedAt: now, whatsNew });
      res.writeHead(200, { ...PAGE_HEADERS, 'content-length': String(Buffer.byteLength(html)) });
      res.end(req.method === 'HEAD' ? undefined : html);
    },
  };
}
