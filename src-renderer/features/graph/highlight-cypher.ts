export interface Token {
  text: string;
  kind: 'keyword' | 'string' | 'number' | 'param' | 'comment' | 'label' | 'plain';
}

const KEYWORDS = new Set(
  'MATCH OPTIONAL WHERE RETURN WITH UNWIND AS ORDER BY DESC ASC LIMIT SKIP CREATE MERGE SET DELETE DETACH REMOVE CALL YIELD AND OR NOT IN IS NULL DISTINCT COUNT CASE WHEN THEN ELSE END EXISTS UNION ALL ON EXPLAIN PROFILE STARTS ENDS CONTAINS TRUE FALSE'.split(
    ' ',
  ),
);
const PATTERN =
  /(\/\/[^\n]*)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\$[A-Za-z_][A-Za-z0-9_]*)|(:[A-Z][A-Za-z0-9_]*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|([\s\S])/g;

/** Splits Cypher into tokens for the editor's highlighting (display only; the text is sent unchanged). */
export function highlightCypher(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [whole, comment, str, param, label, num, word] = m;
    const kind: Token['kind'] = comment
      ? 'comment'
      : str
        ? 'string'
        : param
          ? 'param'
          : label
            ? 'label'
            : num
              ? 'number'
              : word && KEYWORDS.has(word.toUpperCase())
                ? 'keyword'
                : 'plain';
    const last = out[out.length - 1];
    if (kind === 'plain' && last?.kind === 'plain') last.text += whole;
    else out.push({ text: whole, kind });
  }
  return out;
}
