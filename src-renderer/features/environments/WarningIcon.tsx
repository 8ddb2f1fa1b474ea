/** A small warning triangle; the caller names it (title / aria-label). */
export function WarningIcon({ label }: { label: string }) {
  return (
    <svg className="warning-icon" viewBox="0 0 16 16" width="13" height="13" role="img" aria-label={label}>
      <title>{label}</title>
      <path d="M8 1.8L15 14H1z" fill="currentColor" />
      <path d="M8 6v3.8" stroke="var(--state-icon-ink)" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.9" r="0.95" fill="var(--state-icon-ink)" />
    </svg>
  );
}
