// The page proxy.ts answers with (HTTP 503, at the URL that was asked for) while the database cannot be
// reached (lib/db-health.ts). Opened directly, without the proxy's marker, it does not exist.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { DB_UNAVAILABLE_HEADER } from '@/lib/db-health';
import { DbUnavailablePage } from '../_components/shell/db-unavailable-page';

export const metadata: Metadata = { title: 'Service unavailable', robots: { index: false } };

export default async function DbUnavailableRoute() {
  if ((await headers()).get(DB_UNAVAILABLE_HEADER) !== '1') notFound();
  return <DbUnavailablePage full />;
}
