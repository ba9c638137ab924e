'use client';
// Errors above the shell (e.g. in the signed-in layout itself) land here.
import { ErrorView } from './_components/error-view';

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} full />;
}
