/**
 * Which addresses Sitrep may fetch from: public unicast only, unless config allows private ones.
 * Loopback, private, link-local, unique-local, unspecified, carrier-grade NAT, multicast and
 * reserved ranges are refused, IPv4-mapped IPv6 (::ffff:127.0.0.1) included. The check runs in the
 * socket's own DNS lookup, so the address connected to is the address checked (no rebinding
 * between a check and the connection), on every redirect hop.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to every address (node:dns `lookup` with `all: true`); tests give their own. */
export type Resolver = (host: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** An address that may not be fetched, and its range. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'refused-address';
  constructor(readonly host: string, readonly address: string, readonly range: string) {
    super(`${host} resolves to ${address}, a ${range} address; Sitrep fetches only public addresses (set ingest.allow_private: true in the config to allow it)`);
  }
}

/** The range name of an address (`loopback`, `private`, `unicast`...), IPv4-mapped IPv6 read as IPv4. */
export function rangeOf(address: string): string {
  try {
    return ipaddr.process(address).range();
  } catch {
    return 'invalid';
  }
}

/** Whether an address is public unicast. */
export const isPublicAddress = (address: string): boolean => rangeOf(address) === 'unicast';

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
  const resolve: Resolver = opts.resolver ?? ((host, options, callback) => { dnsLookup(host, options, callback); });
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
