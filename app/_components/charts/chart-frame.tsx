// A chart with its title (a heading, so screen-reader users can jump between charts) and its data as a
// table (collapsed), so every chart has a text alternative.
import type { ReactNode } from 'react';
import styles from './charts.module.css';

export function ChartFrame({ title, description, chart, table, level = 3 }: {
  title: string; description?: ReactNode; chart: ReactNode; table: { head: string[]; rows: (string | number)[][] };
  /** The heading level: 3 under a page's section headings (the dashboard), 2 directly under the page's h1. */
  level?: 2 | 3 | 4;
}) {
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <figure className={styles.frame} aria-label={title}>
      <figcaption className={styles.caption}>
        <Heading className={styles.title}>{title}</Heading>
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
