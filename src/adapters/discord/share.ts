/**
 * The Share button's custom id: the subject's command and the query, so pressing it re-runs the
 * command publicly. Queries too long for Discord's 100-character id are kept in memory under a
 * short id (a restart forgets them; the button then says so).
 */
import { LIMITS } from '../../render/discord/assertions.js';

/** What a Share button re-runs. */
interface Shared {
  command: string;
  query: string;
}

/** Makes and reads Share buttons' custom ids. */
export interface ShareIds {
  idFor(shared: Shared): string;
  /** The command and query behind a custom id; `undefined` when it is not a Share id or has been forgotten. */
  read(customId: string): Shared | undefined;
}

const INLINE = 'share:';
const KEPT = 'share#';

/** Share ids, keeping at most `capacity` long queries (the oldest are forgotten first). */
export function createShareIds(capacity = 1000): ShareIds {
  const kept = new Map<string, Shared>();
  let next = 0;
  return {
    idFor(shared) {
      const inline = `${INLINE}${shared.command}:${shared.query}`;
      if (inline.length <= LIMITS.customId) return inline;
      const id = `${KEPT}${(next++).toString(36)}`;
      kept.set(id, shared);
      for (const old of kept.keys()) {
        if (kept.size <= capacity) break;
        kept.delete(old);
      }
      return id;
    },
    read(customId) {
      if (customId.startsWith(KEPT)) return kept.get(customId);
      if (!customId.startsWith(INLINE)) return undefined;
      const rest = customId.slice(INLINE.length);
      const colon = rest.indexOf(':');
      return colon < 0 ? undefined : { command: rest.slice(0, colon), query: rest.slice(colon + 1) };
    },
  };
}
