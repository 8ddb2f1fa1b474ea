import { useMemo } from 'react';
import type { Citation } from '../../../src-shared/domain/copilot';
import { tokenizeAnswer, type Inline } from './answer-tokens';
import { citationHref } from './citation-href';

function InlineView({ inline, citations, envId }: { inline: Inline; citations: ReadonlyMap<string, Citation>; envId: string }) {
  switch (inline.kind) {
    case 'text':
      return <>{inline.text}</>;
    case 'code':
      return <code>{inline.text}</code>;
    case 'strong':
      return <strong>{inline.text}</strong>;
    case 'unsupported':
      return (
        <span className="claim-unsupported" title="The claim check found this nowhere in the data this answer read">
          <s>{inline.text.replace(/^`(.*)`$/, '$1')}</s> <em>(not found in the data)</em>
        </span>
      );
    case 'cite': {
      const citation = citations.get(inline.ref);
      if (citation === undefined) return <span className="cite cite-unknown">[{inline.ref}]</span>;
      return (
        <a className="cite" href={citationHref(citation, envId)} title={citation.label}>
          [{inline.ref}]
        </a>
      );
    }
  }
}

function Inlines({ inlines, citations, envId }: { inlines: readonly Inline[]; citations: ReadonlyMap<string, Citation>; envId: string }) {
  return (
    <>
      {inlines.map((inline, i) => (
        <InlineView key={i} inline={inline} citations={citations} envId={envId} />
      ))}
    </>
  );
}

/** The model's answer as React elements (never HTML); [R3] becomes a link when R3 is a known citation. */
export function AnswerText({ text, citations, envId }: { text: string; citations: readonly Citation[]; envId: string }) {
  const blocks = useMemo(() => tokenizeAnswer(text), [text]);
  const byRef = useMemo(() => new Map(citations.map((c) => [c.ref, c])), [citations]);
  return (
    <div className="answer-text">
      {blocks.map((block, i) => {
        if (block.kind === 'code') return <pre key={i}>{block.text}</pre>;
        if (block.kind === 'list') {
          return (
            <ul key={i}>
              {block.items.map((item, j) => (
                <li key={j}>
                  <Inlines inlines={item} citations={byRef} envId={envId} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i}>
            <Inlines inlines={block.inlines} citations={byRef} envId={envId} />
          </p>
        );
      })}
    </div>
  );
}
