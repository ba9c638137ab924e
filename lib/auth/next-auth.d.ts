// What our JWT and session carry (see options.ts callbacks).
import type { Department, Role } from '@/db/schema/enums';

declare module 'next-auth' {
  interface User {
    role: Role;
    department: Department | null;
    teamId: number | null;
    sv: number;
  }
  interface Session {
    user: { id: number; name: string; email: string; role: Role; department: Department | null; teamId: number | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    sv: number;
    role: Role;
    department: Department | null;
    teamId: number | null;
  }
}
