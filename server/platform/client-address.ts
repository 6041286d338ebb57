import { BlockList, isIP } from 'node:net';

/**
 * The client's address: the socket's peer, unless that peer is one of our configured proxies
 * (TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, default none). Then the
 * X-Forwarded-For chain is walked from the right, skipping trusted hops; the first untrusted
 * hop is the client. A caller can append anything to X-Forwarded-For, but not to the right of
 * what our own proxy appended, so only the hops our proxies vouch for are believed.
 */
export type TrustedProxies = { contains: (address: string) => boolean; configured: boolean };

export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let configured = false;
  for (const entry of (value ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: bad prefix in "${entry}"`);
      list.addSubnet(address, prefix, type);
    }
    configured = true;
  }
  return {
    configured,
    contains: (candidate) => {
      const address = normalizeAddress(candidate);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** Resolves the client address and whether the last trusted hop said the original request used TLS. */
export function resolveClient(
  peer: string | undefined,
  forwardedFor: string | undefined,
  forwardedProto: string | undefined,
  proxies: TrustedProxies,
): { ip: string; viaTrustedProxy: boolean; forwardedHttps: boolean } {
  const socketAddress = normalizeAddress(peer ?? '') || 'unknown';
  if (!proxies.configured || !proxies.contains(socketAddress)) return { ip: socketAddress, viaTrustedProxy: false, forwardedHttps: false };
  const hops = (forwardedFor ?? '').split(',').map(normalizeAddress).filter(Boolean);
  let client = socketAddress;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) break; // garbage in the chain: stop at the last hop we could read
    client = hop;
    if (!proxies.contains(hop)) break;
  }
  const proto = (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase();
  return { ip: client, viaTrustedProxy: true, forwardedHttps: proto === 'https' };
}
