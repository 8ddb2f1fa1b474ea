/**
 * Rows for a prompt as one header line and one line per row, values between " | ": no key repeated per row
 * (a small model reads every repeated "dag=" as tokens it must evaluate). The first column is the reference.
 */
export function tableText(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [`(${columns.join(' | ')})`, ...rows.map((r) => r.join(' | '))].join('\n');
}
