import type { ReactNode } from 'react';
import styles from './Legend.module.css';
import { classNames } from './class-names';

export interface LegendItem {
  readonly key: string;
  /** The mark drawn in the chart (an aria-hidden svg), if any. */
  readonly swatch?: ReactNode;
  readonly label: ReactNode;
  readonly className?: string;
}

/** A chart's legend: a list named by label, each item its mark then its text. */
export function Legend({ label, items, className }: { label: string; items: readonly LegendItem[]; className?: string }) {
  return (
    <ul className={classNames(styles.legend, className)} aria-label={label}>
      {items.map((it) => (
        <li key={it.key} className={classNames(styles.item, it.className)}>
          {it.swatch}
          {it.label}
        </li>
      ))}
    </ul>
  );
}
