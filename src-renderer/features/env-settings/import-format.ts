export type FileFormat = 'yaml' | 'json';

/** YAML or JSON from a file name's extension; null when it says neither. */
export function formatFromFileName(name: string): FileFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** A guess from the text itself: JSON starts with `{` or `[`. */
export function formatFromText(text: string): FileFormat {
  const first = text.trimStart().charAt(0);
  return first === '{' || first === '[' ? 'json' : 'yaml';
}
