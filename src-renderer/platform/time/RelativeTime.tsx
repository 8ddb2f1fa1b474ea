import { formatAbsolute, formatRelative } from './format-relative';

/** A relative time with the absolute one in its tooltip. */
export function RelativeTime({ iso, nowMs }: { iso: string | null; nowMs: number }) {
  if (iso === null) return <span className="muted">—</span>;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(then, nowMs)}
    </time>
  );
}
