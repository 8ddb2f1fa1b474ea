const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name made from a title that may hold Airflow text: ASCII letters,
 * digits, ".", "-" and "_" only, no leading dot, no Windows device name, at
 * most 120 characters, always with the extension asked for.
 */
export function sanitizeFileName(title: string, extension: string): string {
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'txt';
  let base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '')
    .slice(0, 120)
    .replace(/[.\-_]+$/g, '');
  if (base === '' || RESERVED.test(base.split('.')[0] ?? '')) base = `report-${base}`.replace(/-$/, '');
  return `${base}.${ext}`;
}
