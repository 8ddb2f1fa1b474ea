/**
 * The words of a Cypher statement (keywords and names, as written), in order: string literals,
 * backtick-quoted names, parameters and comments are skipped, so `'LOAD CSV'`
 * in a string or `// TERMINATE` in a comment is not a keyword.
 */
export function cypherKeywords(cypher: string): string[] {
  const words: string[] = [];
  let i = 0;
  const n = cypher.length;
  while (i < n) {
    const c = cypher[i]!;
    if (c === '/' && cypher[i + 1] === '/') {
      const end = cypher.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && cypher[i + 1] === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i += 1;
      while (i < n && cypher[i] !== c) i += cypher[i] === '\\' && c !== '`' ? 2 : 1;
      i += 1;
    } else if (c === '$') {
      i += 1;
      while (i < n && /[\w]/.test(cypher[i]!)) i += 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < n && /[\w.]/.test(cypher[i]!)) i += 1;
      words.push(cypher.slice(start, i));
    } else {
      i += 1;
    }
  }
  return words;
}
