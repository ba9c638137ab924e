// A message box. By default it is a polite live region (role="status"), so a message that appears
// after a form submit is read out. Use role "alert" only for urgent interruptions.
import type { HTMLAttributes, ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: AlertTone;
  title?: ReactNode;
}

export function Alert({ tone = 'info', title, className, children, role = 'status', ...rest }: AlertProps) {
  return (
    <div role={role} aria-live={role === 'alert' ? 'assertive' : 'polite'} className={['alert', `alert-${tone}`, className].filter(Boolean).join(' ')} {...rest}>
      <div>
        {title ? <p className="alert-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
