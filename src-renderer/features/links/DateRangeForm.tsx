import { useState } from 'react';
import { dayOf, lastDayOf, type DateWindow } from './date-window';

/** Two day inputs (UTC) and an Apply button; the window lives in the route, so back/forward restore it. */
export function DateRangeForm({
  window,
  onApply,
  presets,
}: {
  window: DateWindow;
  onApply(from: string, to: string): void;
  presets?: readonly number[];
}) {
  const [from, setFrom] = useState(dayOf(window.from));
  const [to, setTo] = useState(lastDayOf(window));
  const applyDays = (days: number): void => {
    const end = lastDayOf(window);
    const start = dayOf(new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString());
    setFrom(start);
    onApply(start, end);
  };
  return (
    <form
      className="date-range"
      aria-label="Date range"
      onSubmit={(event) => {
        event.preventDefault();
        if (from <= to) onApply(from, to);
      }}
    >
      <label>
        <span className="muted">From</span>
        <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label>
        <span className="muted">to</span>
        <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" className="button">
        Apply
      </button>
      {(presets ?? []).map((days) => (
        <button key={days} type="button" className="button button-quiet" onClick={() => applyDays(days)}>
          {days} d
        </button>
      ))}
      <span className="muted">UTC</span>
    </form>
  );
}
