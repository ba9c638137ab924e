// Security headers of what proxy.ts does not see: the API (JSON, CSV) and Next's assets. Pages get the same
// static headers plus a CSP with a per-request script nonce from the proxy (lib/security/headers.ts, whose
// STATIC_SECURITY_HEADERS and NO_SCRIPT_CSP these copy; tests/security/headers.test.ts keeps them equal).
const staticSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];
// Nothing there runs a script or may be framed.
const noScriptCsp = {
  key: 'Content-Security-Policy',
  value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds (say, two e2e runs on different ports) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships a 15 MB wasm file; bundling it would copy it into static assets.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
    // forbidden() + app/forbidden.tsx: the 403 page with a real HTTP 403 status.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: '/api/:path*', headers: [...staticSecurityHeaders, noScriptCsp] },
      { source: '/_next/:path*', headers: [...staticSecurityHeaders, noScriptCsp] },
    ];
  },
};

export default nextConfig;
