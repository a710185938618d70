/** The SQLite side of ingestion: stored articles with their urls, feed states, and digest coverage. */
import type { Database as Db } from 'better-sqlite3';
import type { Coverage } from '../core/briefing/changes.js';
import {
  ARTICLE_HEADER_COLUMNS,
  fromSignature,
  readCoverage,
  readOutlets,
  sameOutlet,
  toArticle,
  toArticleHeader,
  toFeedState,
  toSignature,
  type ArticleRow,
  type FeedRow,
} from './rows.js';
import type { ArticleStore, CoverageStore, FeedStateStore, Outlet } from './store.js';

/** Articles in SQLite. */
export function sqliteArticleStore(db: Db): ArticleStore {
  const insert = db.prepare(`INSERT INTO articles (subject, hash, headline, outlets, published, added_at, text, signature)
    VALUES (@subject, @hash, @headline, @outlets, @published, @added_at, @text, @signature) ON CONFLICT (subject, hash) DO NOTHING`);
  const byHash = db.prepare<[string, string], { id: number }>('SELECT id FROM articles WHERE subject = ? AND hash = ?');
  const addUrl = db.prepare('INSERT INTO article_urls (subject, url, article_id) VALUES (?, ?, ?) ON CONFLICT (subject, url) DO NOTHING');
  const seen = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM article_urls WHERE subject = ? AND url = ?');
  const get = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const setOutlets = db.prepare('UPDATE articles SET outlets = ? WHERE id = ?');
  const list = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE subject = ? ORDER BY added_at, id');
  const headers = db.prepare<[string], Omit<ArticleRow, 'text'>>(`SELECT ${ARTICLE_HEADER_COLUMNS} FROM articles WHERE subject = ? ORDER BY added_at, id`);
  const text = db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?');
  const sigs = db.prepare<[string], { id: number; signature: Buffer }>('SELECT id, signature FROM articles WHERE subject = ? ORDER BY id');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM articles WHERE subject = ?');
  const dropUrls = db.prepare<[number]>('DELETE FROM article_urls WHERE article_id = ?');
  const drop = db.prepare<[number]>('DELETE FROM articles WHERE id = ?');

  const add = db.transaction((a: Parameters<ArticleStore['add']>[0]): { added: boolean; id: number } => {
    const r = insert.run({
      subject: a.subject,
      hash: a.hash,
      headline: a.headline,
      outlets: JSON.stringify([a.outlet]),
      published: a.published ?? null,
      added_at: a.addedAt,
      text: a.text,
      signature: fromSignature(a.signature),
    });
    const id = r.changes === 1 ? Number(r.lastInsertRowid) : (byHash.get(a.subject, a.hash)?.id ?? 0);
    if (a.outlet.url) addUrl.run(a.subject, a.outlet.url, id);
    return { added: r.changes === 1, id };
  });
  const addOutlet = db.transaction((id: number, outlet: Outlet): boolean => {
    const row = get.get(id);
    if (!row) return false;
    if (outlet.url) addUrl.run(row.subject, outlet.url, id);
    const outlets = readOutlets(row.outlets);
    if (outlets.some((o) => sameOutlet(o, outlet))) return false;
    setOutlets.run(JSON.stringify([...outlets, outlet]), id);
    return true;
  });
  // The addresses go explicitly: SQLite enforces ON DELETE CASCADE only with foreign_keys on.
  const remove = db.transaction((id: number): boolean => {
    dropUrls.run(id);
    return drop.run(id).changes === 1;
  });
  return {
    add: (a) => Promise.resolve(add(a)),
    addOutlet: (id, outlet) => Promise.resolve(addOutlet(id, outlet)),
    seenUrl: (subject, url) => Promise.resolve(seen.get(subject, url) !== undefined),
    list: (subject) => Promise.resolve(list.all(subject).map(toArticle)),
    headers: (subject) => Promise.resolve(headers.all(subject).map(toArticleHeader)),
    text: (id) => Promise.resolve(text.get(id)?.text),
    signatures: (subject) => Promise.resolve(sigs.all(subject).map((r) => ({ id: r.id, signature: toSignature(r.signature) }))),
    get: (id) => Promise.resolve(((row) => (row ? toArticle(row) : undefined))(get.get(id))),
    count: (subject) => Promise.resolve(count.get(subject)?.n ?? 0),
    remove: (id) => Promise.resolve(remove(id)),
  };
}

/** Feed states in SQLite. */
export function sqliteFeedStateStore(db: Db): FeedStateStore {
  const get = db.prepare<[string, string], FeedRow>('SELECT * FROM feed_state WHERE subject = ? AND url = ?');
  const put = db.prepare(
    `INSERT INTO feed_state (subject, url, etag, last_modified, polled_at, error) VALUES (@subject, @url, @etag, @last_modified, @polled_at, @error)
    ON CONFLICT (subject, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, ` +
      'polled_at = excluded.polled_at, error = excluded.error',
  );
  return {
    get(subject, url) {
      const r = get.get(subject, url);
      return Promise.resolve(r ? toFeedState(r) : undefined);
    },
    put(s) {
      put.run({ subject: s.subject, url: s.url, etag: s.etag ?? null, last_modified: s.lastModified ?? null, polled_at: s.polledAt, error: s.error ?? null });
      return Promise.resolve();
    },
  };
}

/** Records a digest's coverage; called inside the transaction that marks its run posted. */
export function coverageWriter(db: Db): (runKey: string, digestId: string, postedAt: number, coverage: Coverage) => void {
  const put = db.prepare(
    'INSERT INTO digest_coverage (run_key, digest_id, posted_at, coverage) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (run_key) DO UPDATE SET posted_at = excluded.posted_at, coverage = excluded.coverage',
  );
  return (runKey, digestId, postedAt, coverage) => {
    put.run(runKey, digestId, postedAt, JSON.stringify(coverage));
  };
}

/** Coverage in SQLite. */
export function sqliteCoverageStore(db: Db): CoverageStore {
  const latest = db.prepare<[string], { run_key: string; posted_at: number; coverage: string }>(
    'SELECT run_key, posted_at, coverage FROM digest_coverage WHERE digest_id = ? ORDER BY posted_at DESC, rowid DESC LIMIT 1',
  );
  const byRun = db.prepare<[string], { digest_id: string; posted_at: number; coverage: string }>(
    'SELECT digest_id, posted_at, coverage FROM digest_coverage WHERE run_key = ?',
  );
  return {
    latest(digestId) {
      const r = latest.get(digestId);
      const coverage = r && readCoverage(r.coverage);
      return Promise.resolve(r && coverage ? { runKey: r.run_key, postedAt: r.posted_at, coverage } : undefined);
    },
    byRun(runKey) {
      const r = byRun.get(runKey);
      const coverage = r && readCoverage(r.coverage);
      return Promise.resolve(r && coverage ? { digestId: r.digest_id, postedAt: r.posted_at, coverage } : undefined);
    },
  };
}
