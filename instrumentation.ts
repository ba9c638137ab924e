// Runs once when a server process starts (Next's instrumentation hook), before it answers requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The sign-in limits need the socket address, which Next does not hand to route handlers:
  // lib/auth/peer-address.ts stamps it on every request. A bad TRUSTED_PROXIES stops the start here.
  const { parseTrustedProxies } = await import('./lib/auth/client-address');
  const { installPeerAddressHeader } = await import('./lib/auth/peer-address');
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  installPeerAddressHeader();
}
