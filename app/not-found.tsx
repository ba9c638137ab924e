import type { Metadata } from 'next';
import { ButtonLink } from './_components/ui/button';
import { StatusPage } from './_components/ui/status-page';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <StatusPage
      full
      code="404 · Not found"
      title="This page does not exist"
      actions={<ButtonLink href="/dashboard" variant="primary">Go to your dashboard</ButtonLink>}
    >
      <p>The link may be old, or the record may have been removed.</p>
    </StatusPage>
  );
}
