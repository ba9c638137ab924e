'use client';
// Errors of the dashboard segment (widgets have their own boundaries; this catches the rest).
import { KpiErrorView } from '../../_components/kpi/kpi-error-view';

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <KpiErrorView error={error} retry={retry} what="dashboard" />;
}
