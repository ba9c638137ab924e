// Environment defaults shared by `npm start` and `npm run demo`: the port, NEXTAUTH_URL from it, and a
// NEXTAUTH_SECRET generated once and kept in .data/ so sessions survive restarts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerEnv {
  port: number;
  url: string;
  env: NodeJS.ProcessEnv;
  /** Where the generated secret lives (null when NEXTAUTH_SECRET was given). */
  secretFile: string | null;
}

export const DEFAULT_PORT = 3000;

/** The secret in `file`, created (random, owner-only) when missing. */
export function persistedSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch { /* not there yet */ }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The server's environment: explicit values win; defaults fill the gaps. */
export function serverEnv(base: Record<string, string | undefined> = process.env, dataDir = path.resolve('.data')): ServerEnv {
  const port = Number(base.PORT) > 0 ? Number(base.PORT) : DEFAULT_PORT;
  const url = base.NEXTAUTH_URL || `http://localhost:${port}`;
  const secretFile = base.NEXTAUTH_SECRET ? null : path.join(dataDir, 'nextauth-secret');
  const secret = base.NEXTAUTH_SECRET || persistedSecret(secretFile!);
  return {
    port, url, secretFile,
    env: {
      ...base, PORT: String(port), NEXTAUTH_URL: url, NEXTAUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: base.NEXT_TELEMETRY_DISABLED ?? '1',
    } as unknown as NodeJS.ProcessEnv, // Next's ProcessEnv type insists on NODE_ENV, which next sets itself
  };
}
