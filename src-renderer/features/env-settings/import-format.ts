export type FileFormat = 'yaml' | 'json';
/** What Import reads: an export file, or a flowrs config.toml. */
export type ImportFileFormat = FileFormat | 'flowrs';

/** YAML, JSON or a flowrs config.toml from a file name's extension; null when it says none. */
export function formatFromFileName(name: string): ImportFileFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.toml')) return 'flowrs';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** A guess from the text itself: JSON starts with `{` or `[`; flowrs' TOML has `[[servers]]`. */
export function formatFromText(text: string): ImportFileFormat {
  if (/^\s*\[\[servers\]\]\s*$/m.test(text)) return 'flowrs';
  const first = text.trimStart().charAt(0);
  return first === '{' || first === '[' ? 'json' : 'yaml';
}
