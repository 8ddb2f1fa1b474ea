import type { Citation } from '../../../../src-shared/domain/copilot';

/** Shorter ids ("load", "etl") name too many things to be linked by their text alone. */
const MIN_NEEDLE = 6;
const ID_CHAR = /[A-Za-z0-9_]/;

/** The text in an answer that names what a citation points at, or null when nothing distinctive does. */
function needleOf(c: Citation): string | null {
  const needle =
    c.kind === 'run' ? c.runId : c.kind === 'task' || c.kind === 'log' ? c.taskId : c.kind === 'asset' ? (c.uri ?? null) : c.dagId;
  return needle !== null && needle.length >= MIN_NEEDLE ? needle : null;
}

/** The first whole-id occurrence of `needle` (not part of a longer id), or -1. */
function firstMention(text: string, needle: string): number {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1];
    const after = text[at + needle.length];
    if ((before === undefined || !ID_CHAR.test(before)) && (after === undefined || !ID_CHAR.test(after))) return at;
  }
  return -1;
}

/**
 * Small models often name the run or the task a tool showed them without
 * writing its [R3]. This adds the reference after the first mention of the
 * cited run id, task id, asset URI or DAG id, so the answer links to what it
 * used. References the model wrote are kept; nothing else in the text changes.
 * Returns the text and the references it added.
 */
export function linkMentions(text: string, citations: readonly Citation[]): { text: string; added: string[] } {
  const inserts = new Map<number, string[]>();
  const added: string[] = [];
  for (const c of citations) {
    if (text.includes(`[${c.ref}]`)) continue;
    const needle = needleOf(c);
    if (needle === null) continue;
    const at = firstMention(text, needle);
    if (at < 0) continue;
    let end = at + needle.length;
    // Past the rest of a dotted name (dag.task), so the reference does not split it.
    while (text[end] === '.' && ID_CHAR.test(text[end + 1] ?? '')) for (end += 1; ID_CHAR.test(text[end] ?? ''); end += 1);
    // After a closing backtick or bold marker, so the reference is not inside the code span.
    while (text[end] === '`' || (text[end] === '*' && text[end + 1] === '*')) end += text[end] === '`' ? 1 : 2;
    inserts.set(end, [...(inserts.get(end) ?? []), c.ref]);
    added.push(c.ref);
  }
  if (added.length === 0) return { text, added };
  let out = '';
  let last = 0;
  for (const end of [...inserts.keys()].sort((a, b) => a - b)) {
    out += `${text.slice(last, end)} ${(inserts.get(end) ?? []).map((r) => `[${r}]`).join('')}`;
    last = end;
  }
  return { text: out + text.slice(last), added };
}
