// The stamp on a real HTTP server: whatever a client sends, the handler sees the socket's address.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from './client-address';
import { installPeerAddressHeader } from './peer-address';

let server: http.Server;
let port: number;
/** What the "route" computed for each request. */
const seen: string[] = [];

beforeAll(async () => {
  installPeerAddressHeader();
  installPeerAddressHeader(); // idempotent
  server = http.createServer((req, res) => {
    seen.push(clientAddress(req.headers));
    res.end(String(req.headers[PEER_ADDRESS_HEADER]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('installPeerAddressHeader', () => {
  it('overwrites a forged peer header and rotating X-Forwarded-For does not change the address (TRUSTED_PROXIES=0)', async () => {
    const previous = process.env.TRUSTED_PROXIES;
    delete process.env.TRUSTED_PROXIES;
    try {
      for (let i = 0; i < 5; i++) {
        const stamped = await get({ 'x-forwarded-for': `203.0.113.${i}`, [PEER_ADDRESS_HEADER]: `192.0.2.${i}` });
        expect(stamped).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      }
      expect(seen.slice(-5)).toEqual(Array(5).fill('127.0.0.1'));
    } finally {
      if (previous !== undefined) process.env.TRUSTED_PROXIES = previous;
    }
  });
});
