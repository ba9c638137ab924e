import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CRM KPI', template: '%s · CRM KPI' },
  description: 'CRM KPI dashboards, drill-downs and SMART goals.',
  robots: { index: false, follow: false },
  // public/: favicon.ico for every browser (and /favicon.ico requests), the SVG where supported.
  icons: { icon: [{ url: '/favicon.ico', sizes: '16x16 32x32' }, { url: '/icon.svg', type: 'image/svg+xml' }] },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#161a21' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request, the sign-in and 404 pages included: Next puts the request's CSP nonce
  // (proxy.ts) on its scripts only when it renders; a page prerendered at build would carry none, and the
  // browser would refuse its scripts.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
