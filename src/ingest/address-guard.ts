/**
 * Which addresses Sitrep may fetch from: public unicast only, unless config allows private ones.
 * Loopback, private, link-local, unique-local, unspecified, carrier-grade NAT, multicast and
 * reserved ranges are refused, and every IPv6 form that embeds an IPv4 address is read by that
 * address (::ffff:127.0.0.1, ::7f00:1, 64:ff9b::7f00:1, 6to4, Teredo). The check runs in the
 * socket's own DNS lookup, so the address connected to is the address checked (no rebinding
 * between a check and the connection), on every redirect hop.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to every address (node:dns `lookup` with `all: true`); tests give their own. */
export type Resolver = (host: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** An address that may not be fetched, and its range. */
class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'refused-address';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      `${host} resolves to ${address}, a ${range} address; Sitrep fetches only public addresses (set ingest.allow_private: true in the config to allow it)`,
    );
  }
}

/** An IPv4 address from two 16-bit groups of an IPv6 one. */
const v4 = (hi: number, lo: number): ipaddr.IPv4 => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);

/**
 * The IPv4 addresses an IPv6 address carries, by the forms that embed one: IPv4-compatible
 * (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::/96 and the local-use 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32, its
 * server and its client, whose address is written inverted).
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = address.parts;
  const at = (i: number): number => p[i] ?? 0;
  const zero = (from: number, to: number): boolean => p.slice(from, to).every((x) => x === 0);
  if (zero(0, 6) && (at(6) !== 0 || at(7) > 1)) return [v4(at(6), at(7))];
  if (zero(0, 5) && at(5) === 0xffff) return [v4(at(6), at(7))];
  if (zero(0, 4) && at(4) === 0xffff && at(5) === 0) return [v4(at(6), at(7))];
  if (at(0) === 0x64 && at(1) === 0xff9b && (zero(2, 6) || at(2) === 1)) return [v4(at(6), at(7))];
  if (at(0) === 0x2002) return [v4(at(1), at(2))];
  if (at(0) === 0x2001 && at(1) === 0) return [v4(at(2), at(3)), v4(~at(6) & 0xffff, ~at(7) & 0xffff)];
  return [];
}

/**
 * The range name of an address (`loopback`, `private`, `unicast`...). An IPv6 address that embeds
 * IPv4 ones is read by them: `::7f00:1` is loopback, and 64:ff9b::8.8.8.8 is as public as 8.8.8.8.
 */
export function rangeOf(address: string): string {
  try {
    const ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv4') return ip.range();
    const embedded = embeddedIPv4(ip as ipaddr.IPv6);
    if (!embedded.length) return ip.range();
    return embedded.map((e) => e.range()).find((r) => r !== 'unicast') ?? 'unicast';
  } catch {
    return 'invalid';
  }
}

/** What the guard checks and how it resolves. */
export interface AddressGuardOptions {
  /** Let loopback and private addresses through (a test server, an intranet feed). */
  allowPrivate: boolean;
  /** Host names let through whatever they resolve to (one intranet feed, without opening every private address). */
  allowHosts?: readonly string[] | undefined;
  resolver?: Resolver | undefined;
}

/** Checks hosts before and while connecting. */
export interface AddressGuard {
  /** A refusal for a literal IP host (sockets skip the lookup for those), or undefined. */
  checkLiteral(host: string): RefusedAddressError | undefined;
  /** A `lookup` for http.request that fails the connection when any address is refused. */
  readonly lookup: LookupFunction;
}

/** The guard for `opts`. */
export function createAddressGuard(opts: AddressGuardOptions): AddressGuard {
  const resolve: Resolver =
    opts.resolver ??
    ((host, options, callback) => {
      dnsLookup(host, options, callback);
    });
  const trusted = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
  const refusal = (host: string, address: string): RefusedAddressError | undefined => {
    if (opts.allowPrivate || trusted.has(host.toLowerCase())) return undefined;
    const range = rangeOf(address);
    return range === 'unicast' ? undefined : new RefusedAddressError(host, address, range);
  };
  const lookup = ((host: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    resolve(host, { all: true, family }, (e, addresses) => {
      if (e) {
        callback(e);
        return;
      }
      // Every address is checked, not only the first: a host must not hide a private address behind a public one.
      for (const a of addresses) {
        const refused = refusal(host, a.address);
        if (refused) {
          callback(refused);
          return;
        }
      }
      if (options.all) callback(null, addresses);
      else if (addresses[0]) callback(null, addresses[0].address, addresses[0].family);
      else callback(Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' }));
    });
  }) as LookupFunction;
  return {
    checkLiteral(host) {
      const bare = host.replace(/^\[|\]$/g, '');
      return isIP(bare) ? refusal(host, bare) : undefined;
    },
    lookup,
  };
}
