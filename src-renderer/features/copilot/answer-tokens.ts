/**
 * A small tokenizer for the model's markdown-ish answers. It produces data,
 * never HTML: React renders every piece as text, so nothing the model or
 * Airflow wrote can become markup.
 */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'cite'; readonly ref: string }
  /** A claim the claim check found nowhere in the turn's data: `~~claim~~ (not found in the data)`. */
  | { readonly kind: 'unsupported'; readonly text: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: Inline[] }
  | { readonly kind: 'list'; readonly items: Inline[][] }
  | { readonly kind: 'code'; readonly text: string };

const INLINE = /~~([^~\n]+)~~ \(not found in the data\)|`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[(R\d{1,4})\]/g;
const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+(.*)$/;

export function tokenizeInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'unsupported', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'code', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'strong', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'cite', ref: m[4] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function tokenizeAnswer(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] = [];
  let code: string[] | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: tokenizeInline(paragraph.join(' ')) });
    if (list.length > 0) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('```')) {
      if (code === null) {
        flush();
        code = [];
      } else {
        blocks.push({ kind: 'code', text: code.join('\n') });
        code = null;
      }
      continue;
    }
    if (code !== null) {
      code.push(line);
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (paragraph.length > 0) flush();
      list.push(tokenizeInline(bullet[1] ?? ''));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  if (code !== null) blocks.push({ kind: 'code', text: code.join('\n') });
  flush();
  return blocks;
}
