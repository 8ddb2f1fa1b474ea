import { useRef } from 'react';
import { highlightCypher } from './highlight-cypher';

/** A textarea over a highlighted copy of its text; Ctrl/Cmd+Enter runs. */
export function CypherEditor({
  value,
  onChange,
  onRun,
  errorAt,
}: {
  value: string;
  onChange: (v: string) => void;
  onRun: () => void;
  errorAt: { line: number; column: number } | null;
}) {
  const preRef = useRef<HTMLPreElement>(null);
  return (
    <div className="cypher-editor">
      <pre ref={preRef} className="cypher-highlight" aria-hidden="true">
        {highlightCypher(value).map((t, i) => (
          <span key={i} className={`cy-${t.kind}`}>
            {t.text}
          </span>
        ))}
        {'\n'}
      </pre>
      <textarea
        className="cypher-input mono"
        aria-label="Cypher query"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (preRef.current) {
            preRef.current.scrollTop = e.currentTarget.scrollTop;
            preRef.current.scrollLeft = e.currentTarget.scrollLeft;
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onRun();
          }
        }}
      />
      {errorAt !== null ? (
        <div className="cypher-error-at">
          Line {errorAt.line}, column {errorAt.column}
        </div>
      ) : null}
    </div>
  );
}
