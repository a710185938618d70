import { describe, expect, it } from 'vitest';
import { createReplyCache } from '../../../src/adapters/slack/reply-cache.js';

describe('the Slack reply cache', () => {
  it("serves a kept answer until the library's version changes (an ingest rebuilt a subject)", () => {
    let version = 0;
    const cache = createReplyCache(10, () => version);
    cache.set('/ecuador', 'homicides', { text: 'old', blocks: [] });
    expect(cache.get('/ecuador', ' homicides ')?.text).toBe('old');
    version++;
    expect(cache.get('/ecuador', 'homicides')).toBeUndefined();
  });
});
