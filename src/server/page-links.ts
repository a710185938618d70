/**
 * Links to briefing pages. A subject's page is not public unless its briefing.yaml says
 * `page_access: public`: a link carries a token, an HMAC-SHA256 (with SITREP_LINK_SECRET) of the
 * subject, the topic and an expiry, so a page can be shared from chat without being guessable.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link works when SITREP_LINK_EXPIRY does not say. */
export const DEFAULT_LINK_MS = 30 * 86_400_000;

/** What makes and checks links. */
export interface PageLinkSettings {
  /** The bot's public address (SITREP_PUBLIC_URL); without it, no link is made. */
  publicUrl?: string | undefined;
  /** The key links are signed with (SITREP_LINK_SECRET); without it, only public subjects get links. */
  secret?: string | undefined;
  /** How long a link works. */
  ttlMs?: number | undefined;
}

/** Links to pages, and the check of a link's token. */
export interface PageLinks {
  /**
   * The page of `subject` (and `topic`), or undefined when links are off for it. `since`, a digest
   * run's key, makes the page lead with what is new since that run.
   */
  link(subject: { name: string; pageAccess?: 'signed' | 'public' | undefined }, topic: string | undefined, now: number, since?: string): string | undefined;
  /** Whether `token` opens `subject`'s page for `topic` (and `since`) at `now`. */
  verify(subject: string, topic: string | undefined, token: string | undefined, now: number, since?: string): boolean;
}

/** The path of a page: `/b/<subject>` or `/b/<subject>/<topic or words>`. */
export const pagePath = (subject: string, topic: string | undefined): string =>
  `/b/${encodeURIComponent(subject)}${topic ? `/${encodeURIComponent(topic)}` : ''}`;

/** Links over `settings`. */
export function createPageLinks(settings: PageLinkSettings): PageLinks {
  const { secret } = settings;
  const ttl = settings.ttlMs ?? DEFAULT_LINK_MS;
  const sign = (key: string, subject: string, topic: string, expires: number, since: string): string =>
    createHmac('sha256', key)
      .update(`sitrep-page\n${subject}\n${topic}\n${String(expires)}\n${since}`)
      .digest('base64url');
  return {
    link(subject, asked, now, since) {
      if (!settings.publicUrl) return undefined;
      // As the route reads it back: words joined by one space.
      const topic = asked?.trim().replace(/\s+/g, ' ') || undefined;
      const base = `${settings.publicUrl.replace(/\/+$/, '')}${pagePath(subject.name, topic)}`;
      // What is new since a run is read only under a signature: a run key is not the reader's to choose.
      if (subject.pageAccess === 'public' && (!since || !secret)) return base;
      if (!secret) return undefined;
      const after = since ? `since=${encodeURIComponent(since)}` : '';
      const expires = Math.floor((now + ttl) / 1000);
      return `${base}?t=${String(expires)}.${sign(secret, subject.name, topic ?? '', expires, since ?? '')}${after ? `&${after}` : ''}`;
    },
    verify(subject, topic, token, now, since) {
      if (!secret || !token) return false;
      const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m?.[1] || !m[2]) return false;
      const expires = Number(m[1]);
      if (expires * 1000 < now) return false;
      const want = Buffer.from(sign(secret, subject, topic ?? '', expires, since ?? ''));
      const got = Buffer.from(m[2]);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
