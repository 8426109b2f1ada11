import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the app servers are trusted to name the client (TRUST_PROXY, decision 0015):
 * - `false`: none; the client is the socket's peer and X-Forwarded-For is ignored;
 * - a number N (`true` is 1): N proxies each append the address they received from to X-Forwarded-For, so the
 *   client is the N-th address from the right (everything left of it was written by the client and is ignored);
 * - a list of addresses and CIDR ranges: walking from the socket's peer leftwards through X-Forwarded-For, the
 *   client is the first address that is not one of these proxies.
 */
export type TrustProxy = boolean | number | readonly string[];

/** An address as the socket or a proxy wrote it, without port or brackets; IPv4-mapped IPv6 as IPv4. */
export function normaliseAddress(raw: string): string | null {
  let a = raw.trim();
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) a = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) a = mapped[1] as string;
  return isIP(a) ? a.toLowerCase() : null;
}

/** Parses TRUST_PROXY; a problem is a readable sentence for the configuration error. */
export function parseTrustProxy(
  value: string,
): { ok: true; trust: TrustProxy } | { ok: false; problem: string } {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return { ok: true, trust: false };
  if (v === 'true') return { ok: true, trust: 1 };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= 10 ? { ok: true, trust: hops } : { ok: false, problem: 'at most 10 proxy hops' };
  }
  const entries = v.split(',').map((s) => s.trim());
  const bad = entries.filter((e) => !cidrOf(e));
  if (bad.length) return { ok: false, problem: `not an address or CIDR range: ${bad.join(', ')}` };
  return { ok: true, trust: entries };
}

function cidrOf(entry: string): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } | null {
  const [addr, bits, ...rest] = entry.split('/');
  if (rest.length || !addr) return null;
  const address = normaliseAddress(addr);
  if (!address) return null;
  const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const max = type === 'ipv4' ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : -1;
  return prefix >= 0 && prefix <= max ? { address, prefix, type } : null;
}

/** Builds the function naming a request's client from its X-Forwarded-For header and socket peer. */
export function clientAddressResolver(
  trust: TrustProxy,
): (forwardedFor: string | undefined, peer: string | null) => string | null {
  if (trust === false || trust === 0) return (_fwd, peer) => (peer ? (normaliseAddress(peer) ?? peer) : null);
  if (trust === true || typeof trust === 'number') {
    const hops = trust === true ? 1 : trust;
    return (fwd, peer) => {
      const entries = fwd ? fwd.split(',') : [];
      if (!entries.length) return peer ? (normaliseAddress(peer) ?? peer) : null;
      // Fewer entries than proxies: the left-most is the best there is (a proxy was bypassed or misconfigured).
      const chosen = entries[Math.max(0, entries.length - hops)] as string;
      return normaliseAddress(chosen) ?? (peer ? (normaliseAddress(peer) ?? peer) : null);
    };
  }
  const trusted = new BlockList();
  for (const entry of trust) {
    const c = cidrOf(entry);
    if (c) trusted.addSubnet(c.address, c.prefix, c.type);
  }
  const isTrusted = (a: string) => trusted.check(a, isIP(a) === 4 ? 'ipv4' : 'ipv6');
  return (fwd, peer) => {
    const chain = [peer, ...(fwd ? fwd.split(',').reverse() : [])].filter((a): a is string => a !== null);
    let last: string | null = null;
    for (const raw of chain) {
      const a = normaliseAddress(raw);
      // Something that is not an address was not written by a trusted proxy: the last trusted hop stands in.
      if (!a) return last;
      if (!isTrusted(a)) return a;
      last = a;
    }
    return last;
  };
}
