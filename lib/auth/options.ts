// next-auth configuration. We use next-auth 4.24 rather than the 5.0 betas (Auth.js): 4.24 is the
// stable `latest` release on npm, and it supports next 16 and react 19 in its peer ranges.
// Credentials (e-mail + password) with JWT sessions; the token carries only ids and the role, and
// lib/auth/session.ts reloads the user from the database on every request.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { isDbUnavailable } from '@/lib/db-unavailable';
import { SIGN_IN_ERRORS } from './messages';
import { authenticate, clientAddress } from './sign-in';

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Cookies get the Secure flag (and the __Secure- prefix) when the app is served over HTTPS. */
export const SECURE_COOKIES = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
    // Runs at sign-in (with `user`) and whenever the cookie is read; only sign-in adds the claims.
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sv;
        token.role = user.role;
        token.department = user.department;
        token.teamId = user.teamId;
      }
      return token;
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
    // Only same-origin redirects after sign-in/out: callbackUrl comes from the query string.
    async redirect({ url, baseUrl }) {
      if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch { /* not a URL */ }
      return baseUrl;
    },
  },
};
