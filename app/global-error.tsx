'use client';
// Errors in the root layout itself. It replaces the whole document, so it brings its own <html>.
import './globals.css';
import { ErrorView } from './_components/error-view';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · CRM KPI</title>
      </head>
      <body>
        <ErrorView error={error} retry={retry} full />
      </body>
    </html>
  );
}
