/**
 * HTML escaping for reports. Every value interpolated into the `html` tag is
 * escaped unless it is already `SafeHtml` (built by this tag, or our own SVG),
 * so Airflow text (DAG ids, task ids, log lines, notes) can only ever be text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values; drops control characters other than tab and newline. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are ours, every interpolation is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup produced by our own code (for example SVG built with `html`) as safe. Never pass Airflow text. */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup);
