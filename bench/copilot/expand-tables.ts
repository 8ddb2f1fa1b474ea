/**
 * The tool results as they were before compaction: every row of a "(col | col)" table written back as
 * "[R1] col=value col=value" lines, the key repeated per row. For the bench's same-run baseline.
 */
export function expandTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let columns: string[] | null = null;
  for (const line of lines) {
    const header = /^\((.+ \| .+)\)$/.exec(line);
    if (header?.[1] !== undefined) {
      columns = header[1].split(' | ').map((c) => c.replace(/ /g, '_'));
      continue;
    }
    if (columns !== null && line.includes(' | ')) {
      const values = line.split(' | ');
      const ref = values[0] === '-' ? '' : `${values[0]} `;
      out.push(
        `${ref}${columns
          .slice(1)
          .map((c, i) => `${c}=${values[i + 1] ?? ''}`)
          .join(' ')}`,
      );
      continue;
    }
    columns = null;
    out.push(line);
  }
  return out.join('\n');
}
