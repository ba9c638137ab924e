// Runs once when a server process starts (Next's instrumentation hook), before it answers requests.
export async function register(): Promise<void> {
  // Inside the `if`, as Next's docs do it, so an edge bundle never pulls in Node modules.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // The sign-in limits need the socket address, which Next does not hand to route handlers:
    // lib/auth/peer-address.ts stamps it on every request. A bad TRUSTED_PROXIES stops the start here.
    const { parseTrustedProxies } = await import('./lib/auth/client-address');
    const { installPeerAddressHeader } = await import('./lib/auth/peer-address');
    parseTrustedProxies(process.env.TRUSTED_PROXIES);
    installPeerAddressHeader();
    // A malformed APP_NOW (the pinned clock, lib/clock.ts) stops the start too, rather than every page.
    const { now } = await import('./lib/clock');
    now();
  }
}
