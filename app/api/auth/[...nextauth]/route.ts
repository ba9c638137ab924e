// next-auth's endpoints: /api/auth/csrf, /callback/credentials, /session, /signout, ...
// What next-auth does not answer itself (the database down while it reads a session: 503) is answered
// as JSON by jsonErrors (lib/route-errors.ts), like every route handler.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { jsonErrors } from '@/lib/route-errors';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
const handler = jsonErrors(NextAuth(authOptions) as Handler);

export { handler as GET, handler as POST };
