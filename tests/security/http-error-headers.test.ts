// [SECURITY] The answers Node's HTTP server gives before Next sees a request (431 for a URL over 16 KB,
// 400 for a malformed request) carry the security headers (issue 11 item 8). scripts/lib/
// http-error-headers.cjs is preloaded into `next start` by our scripts; here it wraps a plain server.
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCRIPT_CSP, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';

const require = createRequire(import.meta.url);
const preload = require('../../scripts/lib/http-error-headers.cjs') as { SECURITY_HEADERS: Record<string, string> };

let server: http.Server;
let port = 0;

/** Sends raw bytes and returns the whole answer (the server closes the connection after it). */
function rawRequest(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8').on('data', (d: string) => { answer += d; }).on('close', () => resolve(answer)).on('error', reject);
  });
}

function headersOf(answer: string): Record<string, string> {
  const [head = ''] = answer.split('\r\n\r\n');
  return Object.fromEntries(head.split('\r\n').slice(1).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
  }));
}

beforeAll(async () => {
  // The preload patched http.createServer when it was required above.
  server = http.createServer((_req, res) => { res.end('ok'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('[SECURITY] errors Node answers itself', () => {
  it('uses the same header values as the pages', () => {
    expect(preload.SECURITY_HEADERS).toEqual({ ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': NO_SCRIPT_CSP });
  });
  it('a URL over 16 KB: 431 with the security headers', async () => {
    const answer = await rawRequest(`GET /kpis/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const headers = headersOf(answer);
    expect(headers['content-security-policy']).toBe(NO_SCRIPT_CSP);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(answer).toContain('The address or the headers are too long.');
  });
  it('on a kept-alive connection too, after an earlier answer', async () => {
    // Like a browser or Playwright's client: the long request reuses the connection of an earlier one.
    const answers = await new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
      socket.setEncoding('utf8').on('data', (d: string) => {
        const first = !answer;
        answer += d;
        if (first) socket.write(`GET /${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      }).on('close', () => resolve(answer)).on('error', reject);
    });
    expect(answers).toMatch(/^HTTP\/1\.1 200 OK/);
    const second = answers.slice(answers.indexOf('HTTP/1.1 431'));
    expect(second.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headersOf(second)['content-security-policy']).toBe(NO_SCRIPT_CSP);
  });
  it('a malformed request: 400 with the security headers', async () => {
    const answer = await rawRequest('GET /\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(headersOf(answer)['content-security-policy']).toBe(NO_SCRIPT_CSP);
  });
  it('a normal request still reaches the app', async () => {
    const answer = await rawRequest('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer.endsWith('ok')).toBe(true);
  });
});
