/** The run's conf as indented JSON text, or null when it is empty; unparsable text is returned as it is. */
export function prettyConf(confJson: string | null): string | null {
  if (confJson === null || confJson.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(confJson);
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return null;
    return JSON.stringify(value, null, 2);
  } catch {
    return confJson;
  }
}
