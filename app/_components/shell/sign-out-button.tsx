'use client';
// Signs out through next-auth (a POST with its CSRF token), then lands on /login. The server ends the
// session there too (lib/auth/options.ts events.signOut): a copy of the cookie stops working as well.
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '../ui/button';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: '/login' });
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
