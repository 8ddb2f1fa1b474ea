import type { ReactNode } from 'react';
import styles from './Badge.module.css';
import { classNames } from './class-names';

export type BadgeTone = 'neutral' | 'ok' | 'bad' | 'warn' | 'active';

/** A short label next to something (a count, a state, a kind); the tone is a colour, so the text carries the meaning. */
export function Badge({
  tone = 'neutral',
  title,
  className,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span className={classNames(styles.badge, styles[tone], className)} title={title}>
      {children}
    </span>
  );
}
