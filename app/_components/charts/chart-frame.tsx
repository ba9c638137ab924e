// A chart with its title and its data as a table (collapsed), so every chart has a text alternative.
import type { ReactNode } from 'react';
import styles from './charts.module.css';

export function ChartFrame({ title, description, chart, table }: {
  title: string; description?: ReactNode; chart: ReactNode; table: { head: string[]; rows: (string | number)[][] };
}) {
  return (
    <figure className={styles.frame} aria-label={title}>
      <figcaption className={styles.caption}>
        <span className={styles.title}>{title}</span>
        {description ? <span className={styles.description}>{description}</span> : null}
      </figcaption>
      {chart}
      <details className={styles.data}>
        <summary>Show data as a table</summary>
        <div className={styles.tableWrap}>
          <table className="table">
            <thead><tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j} className="num">{c}</td>))}</tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
