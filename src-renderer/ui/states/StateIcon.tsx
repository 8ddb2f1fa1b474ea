import type { ReactNode } from 'react';
import type { StateShape } from './state-look';

const paths: Readonly<Record<StateShape, ReactNode>> = {
  check: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M4.8 8.2l2.1 2.1 4.3-4.5"
        fill="none"
        stroke="var(--state-icon-ink)"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
  cross: (
    <>
      <rect x="1.5" y="1.5" width="13" height="13" rx="2.5" fill="currentColor" />
      <path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="var(--state-icon-ink)" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  play: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M6.5 5.2v5.6L11 8z" fill="currentColor" />
    </>
  ),
  clock: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 4.6V8l2.4 1.6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </>
  ),
  retry: (
    <>
      <path d="M12.6 6.2A5 5 0 1 0 13 9.4" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <path d="M13.6 2.8v3.8H9.8z" fill="currentColor" />
    </>
  ),
  warn: (
    <>
      <path d="M8 1.6l6.8 12.2H1.2z" fill="currentColor" strokeLinejoin="round" />
      <path d="M8 6v3.6" stroke="var(--state-icon-ink)" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="8" cy="11.7" r="0.95" fill="var(--state-icon-ink)" />
    </>
  ),
  skip: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M3.8 12.2l8.4-8.4" stroke="currentColor" strokeWidth="1.6" />
    </>
  ),
  pause: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M6.4 5.4v5.2M9.6 5.4v5.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  hollow: <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.4 2" />,
  dash: <path d="M3.5 8h9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
};

/** A 14 px glyph whose shape, not only colour, tells the state apart. */
export function StateIcon({ shape }: { shape: StateShape }) {
  return (
    <svg className="state-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {paths[shape]}
    </svg>
  );
}
