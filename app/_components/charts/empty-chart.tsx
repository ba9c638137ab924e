// A chart with nothing to draw says so in words ("No data for 1–17 Nov 2026") instead of empty axes.
import type { ReactNode } from 'react';
import styles from './charts.module.css';

export function EmptyChart({ title, message, extra }: { title: string; message: string; extra?: ReactNode }) {
  return (
    <figure className={styles.frame} aria-label={title} data-testid="chart-empty">
      <figcaption className={styles.caption}>
        <span className={styles.title}>{title}</span>
        {extra ? <span className={styles.description}>{extra}</span> : null}
      </figcaption>
      <p className="muted">{message}.</p>
    </figure>
  );
}
