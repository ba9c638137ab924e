'use client';
// Errors inside the signed-in shell: the header stays, the page area shows a kind message.
import { ErrorView } from '../_components/error-view';

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
