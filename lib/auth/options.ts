// next-auth configuration. We use next-auth 4.24 rather than the 5.0 betas (Auth.js): 4.24 is the
// stable `latest` release on npm, and it supports next 16 and react 19 in its peer ranges.
// Credentials (e-mail + password) with JWT sessions; the token carries only ids and the role, and
// lib/auth/session.ts reloads the user from the database on every request. Sign-out bumps the user's
// session_version, which ends every token issued before it (session-revocation.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { isDbUnavailable } from '@/lib/db-unavailable';
import { clientAddress } from './client-address';
import { SIGN_IN_ERRORS } from './messages';
import { safeRedirectUrl } from './safe-callback';
import { refreshToken, revokeSessions } from './session-revocation';
import { readClaims } from './session-user';
import { authenticate } from './sign-in';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Cookies get the Secure flag (and the __Secure- prefix) when the app is served over HTTPS. */
export const SECURE_COOKIES = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's defaults are already httpOnly + SameSite=Lax + path=/; stated here so nobody weakens them.
  useSecureCookies: SECURE_COOKIES,
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail and password',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null; // -> CredentialsSignin, the generic message
        try {
          const db = await getDb();
          const result = await authenticate(db, { ...parsed.data, ip: clientAddress(req?.headers) });
          if (!result.ok) {
            if (result.error === 'rate_limited') throw new Error(SIGN_IN_ERRORS.rateLimited);
            return null;
          }
          const u = result.user;
          return { id: String(u.id), email: u.email, name: u.name, role: u.role, department: u.department, teamId: u.teamId, sv: u.sessionVersion };
        } catch (err) {
          if (err instanceof Error && err.message === SIGN_IN_ERRORS.rateLimited) throw err;
          // next-auth sends a thrown error's message to the browser: never let a driver message through.
          console.error('[auth] sign-in failed:', err);
          throw new Error(isDbUnavailable(err) ? SIGN_IN_ERRORS.unavailable : SIGN_IN_ERRORS.serverError);
        }
      },
    }),
  ],
  callbacks: {
    // Runs at sign-in (with `user`) and whenever next-auth itself reads the cookie (/api/auth/session).
    // Sign-in sets the claims; later reads reload them from the database, so the session endpoint never
    // reports a stale role, and a revoked, deactivated or deleted user's session is dropped (the
    // SessionEndedError makes next-auth clear the cookie and answer an empty session).
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sv;
        token.role = user.role;
        token.department = user.department;
        token.teamId = user.teamId;
        return token;
      }
      try {
        return await refreshToken(await getDb(), token, readClaims(token as unknown as Record<string, unknown>));
      } catch (err) {
        // A database outage must not sign everyone out; pages answer 503 meanwhile (lib/auth/session.ts).
        if (isDbUnavailable(err)) return token;
        throw err;
      }
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? '',
        email: token.email ?? '',
        role: token.role,
        department: token.department,
        teamId: token.teamId,
      };
      return session;
    },
    // Only paths of this app after sign-in/out: callbackUrl comes from the query string (safe-callback.ts).
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    // Server-side sign-out: the copied token stops working too. next-auth clears the cookie whatever
    // happens here; a failure (database down) is logged, and that token then lives until it expires.
    async signOut({ token }) {
      const claims = readClaims(token as unknown as Record<string, unknown> | null);
      if (!claims) return;
      try {
        await revokeSessions(await getDb(), claims);
      } catch (err) {
        console.error('[auth] sign-out could not revoke the session on the server:', err);
      }
    },
  },
  logger: {
    error(code, metadata) {
      // A session ended on purpose (sign-out elsewhere, deactivation) is not an error worth a log line.
      if (code === 'JWT_SESSION_ERROR' && (metadata as Error | undefined)?.name === 'SessionEndedError') return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
