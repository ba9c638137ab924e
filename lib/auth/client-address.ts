// Which address a sign-in comes from, for the per-address limits (sign-in.ts). The last entry of
// X-Forwarded-For is whatever the client wrote unless a proxy of ours added it, so the header is read
// only as far as TRUSTED_PROXIES says there are proxies in front of the app:
//   0 (default): the socket address; X-Forwarded-For is ignored entirely.
//   1: the address our load balancer saw, the last X-Forwarded-For entry (it appends it).
//   n: the n-th entry from the right.
// The socket address reaches us as PEER_ADDRESS_HEADER, written by peer-address.ts for every request
// (Next gives route handlers no socket). No Node imports here: this file is imported by next-auth's
// options, which load wherever next-auth does.
import { z } from 'zod';

export const PEER_ADDRESS_HEADER = 'x-crm-peer-address';
/** Set on globalThis by peer-address.ts once it stamps every request of this process. */
export const PEER_HEADER_INSTALLED = Symbol.for('crm.peerAddressHeader.installed');

type HeaderSource = Record<string, string | string[] | undefined> | Headers | undefined;

/** TRUSTED_PROXIES: a small whole number; anything else is a configuration error. */
const trustedProxiesSchema = z.coerce.number().int().min(0).max(10);

export function parseTrustedProxies(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const parsed = trustedProxiesSchema.safeParse(value.trim());
  if (!parsed.success) throw new Error(`TRUSTED_PROXIES must be a whole number from 0 to 10 (got "${value}")`);
  return parsed.data;
}

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  // Node joins repeated X-Forwarded-For lines with ", "; a list here means the same.
  return Array.isArray(v) ? v.join(', ') : v;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client; bounded, since it is stored. */
function normalize(address: string): string {
  const a = address.trim().toLowerCase();
  return (a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a).slice(0, 64) || 'unknown';
}

interface ClientAddressOptions {
  trustedProxies: number;
  /** Whether PEER_ADDRESS_HEADER is the socket's (see peer-address.ts) rather than a client's. */
  peerHeaderTrusted: boolean;
}

let warnedNoPeer = false;

/**
 * The client's address: walk from the socket address leftwards through X-Forwarded-For, one entry
 * per trusted proxy. A chain shorter than that (a request that skipped the proxy) gives its leftmost
 * entry.
 */
export function clientAddressFrom(headers: HeaderSource, opts: ClientAddressOptions): string {
  const forwarded = (headerValue(headers, 'x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  let peer = opts.peerHeaderTrusted ? headerValue(headers, PEER_ADDRESS_HEADER) : undefined;
  if (!peer) {
    // Without the stamp (instrumentation.ts not loaded) the best left is what Next put in
    // X-Forwarded-For, which a client can forge: say so once, loudly.
    if (!warnedNoPeer && opts.peerHeaderTrusted === false && process.env.NODE_ENV === 'production') {
      warnedNoPeer = true;
      console.error('[auth] the socket address is not available (instrumentation.ts not loaded): per-address sign-in limits trust X-Forwarded-For');
    }
    peer = forwarded.pop();
  }
  const chain = [...forwarded, peer ?? 'unknown'];
  const index = Math.max(0, chain.length - 1 - opts.trustedProxies);
  return normalize(chain[index]!);
}

/** clientAddressFrom with this process's settings (TRUSTED_PROXIES, the peer-address stamp). */
export function clientAddress(headers: HeaderSource): string {
  return clientAddressFrom(headers, {
    trustedProxies: parseTrustedProxies(process.env.TRUSTED_PROXIES),
    peerHeaderTrusted: Boolean((globalThis as Record<symbol, unknown>)[PEER_HEADER_INSTALLED]),
  });
}
