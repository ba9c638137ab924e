// CSV import in the browser (upload, entity, mapping, preview, background commit) and the history.
import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { UPLOAD_LIMITS_TEXT } from '@/lib/import/upload-store';
import { requirePermission } from '@/lib/auth/session';
import { importHistory } from '@/lib/import/history-queries';
import { formatDateTime, formatNumber } from '@/lib/intl-format';
import { Badge, Card } from '../../../_components/ui';
import { PageHeader } from '../../../_components/ui/page-header';
import { ImportWizard } from './import-wizard';
import { UndoImportButton } from './undo-button';

export const metadata: Metadata = { title: 'Imports' };

const TONE = { succeeded: 'success', failed: 'danger', interrupted: 'warning', running: 'info', pending: 'neutral', undone: 'neutral' } as const;

export default async function AdminImportsPage() {
  const viewer = await requirePermission('admin.imports');
  // Closes interrupted imports first, so the history shows the truth (lib/import/history-queries.ts).
  const history = await importHistory(await getDb(), viewer);
  // Files imported together (one run) are undone together: the button says how many.
  const runSize = new Map<number, number>();
  for (const h of history) if (h.runId !== null) runSize.set(h.runId, (runSize.get(h.runId) ?? 0) + 1);
  return (
    <>
      <PageHeader title="Imports" description={`Import CSV files of the data contract. ${UPLOAD_LIMITS_TEXT} A file is imported completely or not at all.`} />
      <ImportWizard limits={UPLOAD_LIMITS_TEXT} />
      <Card title="History" style={{ marginTop: '1.25rem' }}>
        <div className="table-wrap">
          <table className="table" data-testid="import-history">
            <thead><tr><th>When</th><th>Who</th><th>File</th><th>Entity</th><th>State</th><th className="num">Rows</th><th className="num">Inserted</th><th className="num">Updated</th><th className="num">Unchanged</th><th className="num">Errors</th><th>Undo</th></tr></thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} id={`import-${h.id}`}>
                  <td>{formatDateTime(h.startedAt)}</td>
                  <td>{h.who ?? '—'}</td>
                  <td>{h.fileName}</td>
                  <td>{h.entity}</td>
                  <td><Badge tone={TONE[h.state as keyof typeof TONE] ?? 'neutral'} title={h.message ?? undefined}>{h.state}</Badge></td>
                  <td className="num">{formatNumber(h.totalRows)}</td>
                  <td className="num">{formatNumber(h.inserted)}</td>
                  <td className="num">{formatNumber(h.updated)}</td>
                  <td className="num">{formatNumber(h.unchanged)}</td>
                  <td className="num">{h.errorCount ? <a href={`/api/imports/errors?import=${h.id}`} download>{formatNumber(h.errorCount)}</a> : 0}</td>
                  <td>{h.state === 'succeeded' ? <UndoImportButton importId={h.id} fileName={h.fileName} together={h.runId === null ? 1 : runSize.get(h.runId) ?? 1} />
                    : h.state === 'undone' ? <span className="muted">{h.message}</span> : null}</td>
                </tr>
              ))}
              {history.length === 0 ? <tr><td colSpan={11} className="muted">No imports yet.</td></tr> : null}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
