import { useEffect, useMemo, useRef, useState } from 'react';
import type { TaskLog } from '../../../src-shared/domain/investigate';
import { firstTraceback, logLines, searchLines, splitMatches } from './log-lines';

/** A cached log with search, error lines marked (colour and a gutter sign) and a jump to the first traceback. Text only. */
export function LogViewer({ log }: { log: TaskLog }) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const body = useRef<HTMLOListElement>(null);
  const lines = useMemo(() => logLines(log.content), [log.content]);
  const traceback = useMemo(() => firstTraceback(lines), [lines]);
  const matches = useMemo(() => searchLines(lines, query), [lines, query]);
  const errorCount = useMemo(() => lines.filter((l) => l.error).length, [lines]);
  const shown = errorsOnly ? lines.filter((l) => l.error) : lines;

  // A failed try's log opens at its first traceback, inside the log's own box (the page does not move).
  useEffect(() => {
    const box = body.current;
    const row = traceback >= 0 ? box?.querySelector<HTMLElement>(`[data-line="${traceback}"]`) : null;
    if (box && row) box.scrollTop = Math.max(0, row.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [traceback, log.tryNumber]);

  const jumpTo = (index: number): void => {
    const row = body.current?.querySelector<HTMLElement>(`[data-line="${index}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  };
  const step = (delta: number): void => {
    if (matches.length === 0) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    jumpTo(matches[next] ?? 0);
  };

  return (
    <section className="log-viewer" aria-label={`Log of try ${log.tryNumber}`}>
      <div className="log-toolbar">
        <label className="filter-box">
          <span className="visually-hidden">Search the log</span>
          <input
            type="search"
            placeholder="Search the log…"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setCurrent(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
            }}
            spellCheck={false}
          />
        </label>
        <span className="muted log-match-count" aria-live="polite">
          {query.trim() === ''
            ? `${lines.length} lines`
            : matches.length === 0
              ? 'no match'
              : `${current + 1} of ${matches.length} matching lines`}
        </span>
        <button type="button" className="button" onClick={() => step(-1)} disabled={matches.length === 0} aria-label="Previous match">
          ↑
        </button>
        <button type="button" className="button" onClick={() => step(1)} disabled={matches.length === 0} aria-label="Next match">
          ↓
        </button>
        <button type="button" className="button" onClick={() => jumpTo(traceback)} disabled={traceback < 0}>
          Jump to first traceback
        </button>
        <label className="triage-toggle">
          <input type="checkbox" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} />
          Error lines only ({errorCount})
        </label>
        {log.truncated ? <span className="badge">showing the end of a longer log</span> : null}
      </div>
      <ol className="log-body" ref={body}>
        {shown.map((line) => {
          const isMatch = query.trim() !== '' && matches.includes(line.index);
          const isCurrent = isMatch && matches[current] === line.index;
          return (
            <li
              key={line.index}
              data-line={line.index}
              tabIndex={-1}
              className={`log-line${line.error ? ' is-error' : ''}${isMatch ? ' is-match' : ''}${isCurrent ? ' is-current' : ''}${line.index === traceback ? ' is-traceback' : ''}`}
            >
              <span className="log-no" aria-hidden="true">
                {line.index + 1}
              </span>
              <span className="log-sign" aria-hidden="true">
                {line.error ? '!' : ''}
              </span>
              <span className="log-text">
                {splitMatches(line.text, query).map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
