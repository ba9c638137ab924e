// The address at the other end of the TCP connection, for the sign-in limits (client-address.ts).
// Next 16 does not give route handlers the socket: route handlers see only headers, and Next writes
// the socket address into X-Forwarded-For only when the request has none (`??=`), so a client that
// sends its own X-Forwarded-For hides it. Node publishes every incoming request on the
// `http.server.request.start` diagnostics channel before any listener (Next's included) sees it; we
// write the socket address into PEER_ADDRESS_HEADER there, replacing whatever a client sent under that
// name. instrumentation.ts installs this once per server process.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER_INSTALLED, PEER_ADDRESS_HEADER } from './client-address';

type Marked = typeof globalThis & { [PEER_HEADER_INSTALLED]?: (message: unknown) => void };

/** Writes the socket's address into the request's headers (exported for the test). */
function stampPeerAddress(message: unknown): void {
  const { request, socket } = (message ?? {}) as { request?: IncomingMessage; socket?: Socket };
  if (!request?.headers) return;
  request.headers[PEER_ADDRESS_HEADER] = socket?.remoteAddress ?? request.socket?.remoteAddress ?? 'unknown';
}

/** Idempotent: a second call (hot reload, a second import) keeps the one subscription. */
export function installPeerAddressHeader(): void {
  const g = globalThis as Marked;
  if (g[PEER_HEADER_INSTALLED]) return;
  // The function is kept on globalThis, which keeps the subscription from being garbage-collected.
  g[PEER_HEADER_INSTALLED] = stampPeerAddress;
  diagnosticsChannel.subscribe('http.server.request.start', stampPeerAddress);
}
