/** Private addresses are refused unless config allows them: literal IPs, names that resolve to them, and redirect hops. */
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createAddressGuard, rangeOf, type Resolver } from '../../src/ingest/address-guard.js';
import { createFetcher } from '../../src/ingest/fetcher.js';
import { startServer } from './server.js';

/** Names of the test's own: each resolves to the loopback server. */
const resolver =
  (names: Record<string, string>): Resolver =>
  (host, _opts, callback) => {
    const address = names[host];
    if (!address) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    else callback(null, [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress]);
  };

describe('which addresses may be fetched', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.0.10', 'private'],
    ['172.20.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::', 'unspecified'],
    ['93.184.215.14', 'unicast'],
    ['2606:2800:21f:cb07::1', 'unicast'],
    // IPv6 forms that embed an IPv4 address are read by it: compatible, translated, NAT64, 6to4, Teredo (server, then inverted client).
    ['::7f00:1', 'loopback'],
    ['::a00:1', 'private'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['64:ff9b:1::a00:1', 'private'],
    ['64:ff9b::808:808', 'unicast'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:1::1', 'private'],
    ['2002:808:808::1', 'unicast'],
    ['2001:0:7f00:1::1', 'loopback'],
    ['2001:0:808:808:0:0:f5ff:fffe', 'private'],
    ['2001:0:808:808:0:0:f7f7:f7f7', 'unicast'],
  ])('reads %s as %s', (address, range) => {
    expect(rangeOf(address)).toBe(range);
  });

  it('refuses a loopback address by default, and fetches it when config allows private addresses', async () => {
    const s = await startServer({ '/page': { type: 'text/html', body: '<p>hi</p>' } });
    const strict = createFetcher({ guard: createAddressGuard({ allowPrivate: false }) });
    const r = await strict.fetch({ url: s.url('/page'), kind: 'page' });
    expect(!r.ok && r.error).toMatchObject({
      code: 'refused-address',
      message: expect.stringContaining('127.0.0.1 resolves to 127.0.0.1, a loopback address; Sitrep fetches only public addresses') as unknown,
    });
    expect(s.requests).toEqual([]);
    const open = createFetcher({ guard: createAddressGuard({ allowPrivate: true }) });
    expect((await open.fetch({ url: s.url('/page'), kind: 'page' })).ok).toBe(true);
    strict.close();
    open.close();
  });

  it('refuses a name that resolves to a private address, checking the address the socket connects to', async () => {
    const s = await startServer({ '/page': { type: 'text/html', body: '<p>hi</p>' } });
    const f = createFetcher({ guard: createAddressGuard({ allowPrivate: false, resolver: resolver({ 'news.test': '127.0.0.1' }) }) });
    const r = await f.fetch({ url: s.url('/page').replace('127.0.0.1', 'news.test'), kind: 'page' });
    expect(!r.ok && r.error.code).toBe('refused-address');
    expect(!r.ok && r.error.message).toContain('news.test resolves to 127.0.0.1');
    expect(s.requests).toEqual([]);
    f.close();
  });

  it('checks every redirect hop: an allowed host that redirects to a private one is refused there', async () => {
    const s = await startServer({ '/go': { status: 302, headers: { location: '' } }, '/inside': { type: 'text/html', body: '<p>secret</p>' } });
    s.route('/go', { status: 302, headers: { location: s.url('/inside').replace('127.0.0.1', 'intranet.test') } });
    const f = createFetcher({
      guard: createAddressGuard({
        allowPrivate: false,
        allowHosts: ['allowed.test'],
        resolver: resolver({ 'allowed.test': '127.0.0.1', 'intranet.test': '127.0.0.1' }),
      }),
    });
    const r = await f.fetch({ url: s.url('/go').replace('127.0.0.1', 'allowed.test'), kind: 'page' });
    expect(!r.ok && r.error.message).toContain('intranet.test resolves to 127.0.0.1');
    expect(s.requests.map((x) => x.path)).toEqual(['/go']);
    f.close();
  });

  it('refuses IPv6 literals that embed a loopback IPv4 address', async () => {
    const f = createFetcher({ guard: createAddressGuard({ allowPrivate: false }) });
    for (const url of ['http://[::ffff:127.0.0.1]:9/x', 'http://[::127.0.0.1]:9/x', 'http://[64:ff9b::7f00:1]:9/x', 'http://[2002:7f00:1::]:9/x']) {
      const r = await f.fetch({ url, kind: 'page' });
      expect(!r.ok && r.error.code).toBe('refused-address');
    }
    f.close();
  });
});
