// The 403 page: rendered by forbidden() (lib/auth/session.ts requirePermission) with HTTP status 403.
import type { Metadata } from 'next';
import { refusalReason } from '@/app/_lib/refusal';
import { ButtonLink } from './_components/ui/button';
import { StatusPage } from './_components/ui/status-page';

export const metadata: Metadata = { title: 'No access' };

export default async function Forbidden() {
  // A dashboard or KPI link naming a team or person out of the viewer's scope: say which and why.
  const reason = await refusalReason();
  return (
    <StatusPage
      full
      code="403 · Forbidden"
      title="You do not have access to this page"
      actions={<ButtonLink href="/dashboard" variant="primary">Go to your dashboard</ButtonLink>}
    >
      {reason ? <p data-testid="refusal">{reason}</p> : <p>Your role does not include this section. If you need it, ask an administrator.</p>}
    </StatusPage>
  );
}
