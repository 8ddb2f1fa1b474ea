import { useId, type ReactNode } from 'react';
import styles from './Section.module.css';
import { classNames } from './class-names';

export interface SectionProps {
  /** The visible heading. */
  readonly title: ReactNode;
  /** The region's accessible name when it must differ from the heading's text. */
  readonly label?: string;
  readonly level?: 2 | 3;
  /** Buttons or links shown at the end of the heading row. */
  readonly actions?: ReactNode;
  readonly className?: string;
  readonly children?: ReactNode;
}

/** A titled region of a page: a <section> named by its heading (or by label). */
export function Section({ title, label, level = 2, actions, className, children }: SectionProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const name = label !== undefined ? { 'aria-label': label } : { 'aria-labelledby': headingId };
  return (
    <section className={classNames(styles.section, className)} {...name}>
      <div className={styles.head}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {actions !== undefined ? <div className={styles.actions}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
