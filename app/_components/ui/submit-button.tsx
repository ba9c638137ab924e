'use client';
// A submit button that disables itself and shows a spinner while its form's action runs.
import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';

export interface SubmitButtonProps extends Omit<ButtonProps, 'type'> {
  /** Label while pending, e.g. "Saving…". */
  pendingLabel?: string;
  /** Force the pending look (e.g. for forms driven by useTransition rather than a form action). */
  pending?: boolean;
}

export function SubmitButton({ children, pendingLabel, pending, disabled, variant = 'primary', ...rest }: SubmitButtonProps) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" variant={variant} disabled={busy || disabled} aria-disabled={busy || disabled} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
