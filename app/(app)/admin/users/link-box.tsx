'use client';
// Shows a one-time set-password link once, as an absolute URL the admin copies to the user.
import styles from './users.module.css';

export function LinkBox({ path }: { path: string }) {
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  return (
    <div>
      <p className="subtle">One-time link, valid 72 hours. It is shown only now: copy it to the user.</p>
      <code className={styles.link} data-testid="set-password-link">{url}</code>
    </div>
  );
}
