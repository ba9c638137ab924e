// Preloaded into `next start` by our scripts (`node --require`, scripts/lib/next-server.ts): the answers
// Node's HTTP server gives on its own, before Next sees the request, carry the security headers too.
// A request line plus headers over Node's limit (16 KB: a very long URL) is refused by Node itself with a
// bare `431 Request Header Fields Too Large`, as is a malformed request (400); Next's proxy and
// next.config never run for them. With a 'clientError' listener Node leaves that answer to us.
// Plain CommonJS because it runs inside the `next` process, without tsx. The header values are those of
// lib/security/headers.ts (STATIC_SECURITY_HEADERS, NO_SCRIPT_CSP); tests/security/http-error-headers.test.ts
// keeps them equal.
'use strict';
const http = require('node:http');

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** Node's own choice of status (lib/_http_server.js socketOnError), with a short plain-text body. */
function statusFor(code) {
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large', 'The address or the headers are too long.'];
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return [413, 'Payload Too Large', 'The request is too large.'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request Timeout', 'The request took too long.'];
  return [400, 'Bad Request', 'The request is malformed.'];
}

function errorResponse(code) {
  const [status, reason, text] = statusFor(code);
  const body = `${status} ${reason}: ${text}\n`;
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

function onClientError(err, socket) {
  // As Node does (socketOnError): answer unless a response of this connection is half sent (a kept-alive
  // connection has sent earlier ones, which is fine), then close it.
  const inFlight = socket._httpMessage;
  if (socket.writable && (!inFlight || !inFlight.headersSent) && err.code !== 'ECONNRESET') socket.end(errorResponse(err.code));
  else socket.destroy();
}

const createServer = http.createServer;
http.createServer = function createServerWithErrorHeaders(...args) {
  const server = createServer.apply(this, args);
  server.on('clientError', onClientError);
  return server;
};

module.exports = { SECURITY_HEADERS, errorResponse, onClientError };
