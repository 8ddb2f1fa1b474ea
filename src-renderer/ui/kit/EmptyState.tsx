import type { ReactNode } from 'react';
import styles from './EmptyState.module.css';
import { classNames } from './class-names';

/** What a list or table shows when it has nothing: one line, and optionally a hint or an action below it. */
export function EmptyState({ title, className, children }: { title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <div className={classNames(styles.empty, className)}>
      <p className={styles.title}>{title}</p>
      {children !== undefined ? <div className={styles.hint}>{children}</div> : null}
    </div>
  );
}
