'use client';
// Errors of a KPI page (its sections have their own boundaries; this catches the rest).
import { KpiErrorView } from '../../../_components/kpi/kpi-error-view';

export default function KpiPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <KpiErrorView error={error} retry={retry} what="KPI" />;
}
