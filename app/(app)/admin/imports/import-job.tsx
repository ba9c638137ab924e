'use client';
// Step 4: the commit runs in the background on the server; the page polls its progress, offers to
// cancel it, and says how it ended.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Alert, Button, Card } from '../../../_components/ui';
import type { JobInfo } from '@/lib/import/api-types';
import { callImportApi } from './import-api';
import styles from './imports.module.css';

/** The running import of `uploadId`: polled while it runs; the page refreshes (history) when it ends. */
export function useImportJob(uploadId: string | null) {
  const router = useRouter();
  const [job, setJob] = useState<JobInfo | null>(null);
  const running = job?.state === 'running';
  useEffect(() => {
    if (!running || !uploadId) return;
    const t = setInterval(async () => {
      const j = await callImportApi<JobInfo>(`/api/imports/status?upload=${uploadId}`).catch(() => null);
      if (j) setJob(j);
      if (j && j.state !== 'running') router.refresh();
    }, 700);
    return () => clearInterval(t);
  }, [running, uploadId, router]);
  return { job, setJob, running };
}

export function JobCard({ job, onCancel }: { job: JobInfo; onCancel: () => void }) {
  const pct = job.rowsTotal ? Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100)) : 0;
  return (
    <Card title="4. Import">
      <div className={styles.progressRow}>
        <progress className={styles.progress} max={job.rowsTotal || 1} value={job.rowsDone} aria-label="Import progress" data-testid="import-progress" />
        <span className="num" data-testid="import-progress-text">{job.rowsDone.toLocaleString('en-US')} of {job.rowsTotal.toLocaleString('en-US')} rows ({pct}%)</span>
      </div>
      {job.state === 'running' ? <div className={styles.buttons}><Button variant="danger" onClick={onCancel}>Cancel</Button></div> : null}
      {job.result ? (
        <Alert tone={job.result.committed ? 'success' : 'error'} data-testid="import-result">
          {job.result.committed
            ? `Imported: ${job.result.inserted.toLocaleString('en-US')} inserted, ${job.result.updated.toLocaleString('en-US')} updated, ${job.result.unchanged.toLocaleString('en-US')} unchanged.`
            : `${job.state === 'cancelled' ? 'Cancelled.' : 'Failed.'} ${job.result.message}`}
        </Alert>
      ) : null}
    </Card>
  );
}
