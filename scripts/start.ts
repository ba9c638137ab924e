// npm start: `next start` on PORT (default 3000) with NEXTAUTH_URL and a persisted NEXTAUTH_SECRET
// defaulted (scripts/lib/server-env.ts). Needs a production build (`npm run build`).
// Node itself answers a request whose URL and headers pass its 16 KB limit (431) before Next sees it;
// startNext preloads scripts/lib/http-error-headers.cjs so that answer carries the security headers too.
import { hasBuild, startNext } from './lib/next-server';
import { serverEnv } from './lib/server-env';

async function main(): Promise<number> {
  if (!hasBuild()) {
    console.error('start: no production build; run `npm run build` first (or `npm run demo`, which builds and seeds).');
    return 1;
  }
  const { port, url, env } = serverEnv();
  console.log(`Starting the app at ${url}`);
  return startNext(port, env);
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
