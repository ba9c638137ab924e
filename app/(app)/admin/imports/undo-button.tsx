'use client';
// "Undo" on a history row: asks first (inline, no browser dialog), then reverts the import and the
// files imported with it, or lists the records that changed since and block it.
import { useActionState, useState } from 'react';
import { Alert, Button, SubmitButton } from '../../../_components/ui';
import { undoImportAction } from '../actions';
import styles from './imports.module.css';

export function UndoImportButton({ importId, fileName, together }: { importId: number; fileName: string; together: number }) {
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState(undoImportAction, null);
  const what = together > 1 ? `${fileName} and the ${together - 1} other file${together > 2 ? 's' : ''} imported with it` : fileName;
  if (state?.ok) return <Alert tone="success" role="status">{state.message}</Alert>;
  return (
    <div className={styles.undo}>
      {asking ? (
        <form action={action} aria-label={`Undo import ${importId}`}>
          <input type="hidden" name="importId" value={importId} />
          <p className={styles.undoQuestion}>Undo {what}? Inserted records are deleted, updated ones get their values back.</p>
          <SubmitButton variant="danger" size="sm" pendingLabel="Undoing…">Yes, undo</SubmitButton>{' '}
          <Button type="button" variant="ghost" size="sm" onClick={() => setAsking(false)}>Cancel</Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" size="sm" onClick={() => setAsking(true)}>Undo…</Button>
      )}
      {state && !state.ok ? <Alert tone="error" className={styles.undoError}>{state.error}</Alert> : null}
    </div>
  );
}
