import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress, clientAddressFrom, parseTrustedProxies, PEER_ADDRESS_HEADER, PEER_HEADER_INSTALLED } from './client-address';

const direct = { trustedProxies: 0, peerHeaderTrusted: true };
const behindOne = { trustedProxies: 1, peerHeaderTrusted: true };

describe('clientAddressFrom', () => {
  it('with TRUSTED_PROXIES=0 takes the socket address and ignores any X-Forwarded-For', () => {
    for (const xff of ['1.1.1.1', '1.1.1.1, 2.2.2.2', '203.0.113.7', 'unknown', '']) {
      expect(clientAddressFrom({ 'x-forwarded-for': xff, [PEER_ADDRESS_HEADER]: '198.51.100.5' }, direct)).toBe('198.51.100.5');
    }
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '3.3.3.3', [PEER_ADDRESS_HEADER]: '198.51.100.5' }), direct)).toBe('198.51.100.5');
  });

  it('with TRUSTED_PROXIES=1 takes the last hop (what the load balancer appended)', () => {
    const headers = { 'x-forwarded-for': 'forged-by-client, 203.0.113.9', [PEER_ADDRESS_HEADER]: '10.0.0.2' };
    expect(clientAddressFrom(headers, behindOne)).toBe('203.0.113.9');
    // Two proxies: one more step to the left.
    expect(clientAddressFrom({ 'x-forwarded-for': 'forged, 203.0.113.9, 10.0.0.3', [PEER_ADDRESS_HEADER]: '10.0.0.2' }, { trustedProxies: 2, peerHeaderTrusted: true }))
      .toBe('203.0.113.9');
    // A request that skipped the proxy (no X-Forwarded-For): its own socket address.
    expect(clientAddressFrom({ [PEER_ADDRESS_HEADER]: '198.51.100.5' }, behindOne)).toBe('198.51.100.5');
    // Repeated header lines count as one list.
    expect(clientAddressFrom({ 'x-forwarded-for': ['forged', '203.0.113.9'], [PEER_ADDRESS_HEADER]: '10.0.0.2' }, behindOne)).toBe('203.0.113.9');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 one and bounds the length', () => {
    expect(clientAddressFrom({ [PEER_ADDRESS_HEADER]: '::ffff:127.0.0.1' }, direct)).toBe('127.0.0.1');
    expect(clientAddressFrom({ [PEER_ADDRESS_HEADER]: '::1' }, direct)).toBe('::1');
    expect(clientAddressFrom({ 'x-forwarded-for': 'x'.repeat(500), [PEER_ADDRESS_HEADER]: '10.0.0.2' }, behindOne)).toHaveLength(64);
    expect(clientAddressFrom(undefined, direct)).toBe('unknown');
  });

  it('without the socket stamp falls back to what Next put last in X-Forwarded-For', () => {
    const headers = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2', [PEER_ADDRESS_HEADER]: 'forged' };
    expect(clientAddressFrom(headers, { trustedProxies: 0, peerHeaderTrusted: false })).toBe('2.2.2.2');
  });
});

describe('clientAddress (this process: TRUSTED_PROXIES and the stamp)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[PEER_HEADER_INSTALLED];
  });

  it('reads TRUSTED_PROXIES and trusts the peer header only once the stamp is installed', () => {
    const headers = { 'x-forwarded-for': '203.0.113.1', [PEER_ADDRESS_HEADER]: '198.51.100.5' };
    (globalThis as Record<symbol, unknown>)[PEER_HEADER_INSTALLED] = () => undefined;
    vi.stubEnv('TRUSTED_PROXIES', '');
    expect(clientAddress(headers)).toBe('198.51.100.5');
    vi.stubEnv('TRUSTED_PROXIES', '1');
    expect(clientAddress(headers)).toBe('203.0.113.1');
  });
});

describe('parseTrustedProxies', () => {
  it('defaults to 0 and accepts small whole numbers only', () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies(' ')).toBe(0);
    expect(parseTrustedProxies('1')).toBe(1);
    expect(parseTrustedProxies(' 2 ')).toBe(2);
    for (const bad of ['-1', '1.5', 'yes', '11', 'true']) expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });
});
