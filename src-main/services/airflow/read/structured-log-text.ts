import type { components } from '../generated/airflow-v2';
import { JsonRecord } from './json-record';

type LogMessage = components['schemas']['StructuredLogMessage'];

/** One exception of Airflow 3's `error_detail` (structlog's dict traceback); not in the OpenAPI spec. */
interface ErrorDetail {
  exc_type: string;
  exc_value: string;
  frames: Array<{ filename: string; lineno: number; name: string }>;
}
interface Frame {
  filename: string;
  lineno: number;
  name: string;
}

function tracebackLines(detail: unknown): string[] {
  if (!Array.isArray(detail)) return [];
  const lines: string[] = [];
  for (const item of detail) {
    let exc: JsonRecord<ErrorDetail>;
    try {
      exc = JsonRecord.of<ErrorDetail>(item, 'error_detail');
    } catch {
      continue;
    }
    lines.push('Traceback (most recent call last):');
    for (const frame of exc.records<Frame>('frames')) {
      lines.push(`  File "${frame.optStr('filename') ?? '?'}", line ${frame.optNum('lineno') ?? '?'}, in ${frame.optStr('name') ?? '?'}`);
    }
    const type = exc.optStr('exc_type') ?? 'Exception';
    const value = exc.optStr('exc_value');
    lines.push(value === null ? type : `${type}: ${value}`);
  }
  return lines;
}

function entryLines(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  let rec: JsonRecord<LogMessage>;
  try {
    rec = JsonRecord.of<LogMessage>(entry, 'log');
  } catch {
    return [];
  }
  const stamp = rec.optStr('timestamp');
  const level = rec.value('level');
  const event = rec.value('event');
  const prefix = [stamp ? `[${stamp}]` : null, typeof level === 'string' ? level.toUpperCase() : null].filter((p) => p !== null).join(' ');
  const text = typeof event === 'string' ? event : JSON.stringify(event ?? '');
  return [prefix ? `${prefix} - ${text}` : text, ...tracebackLines(rec.value('error_detail'))];
}

/**
 * Airflow 3 log `content`: a list of structured entries `{timestamp, event, level, error_detail, ...}`
 * or plain strings, rendered as plain text lines (tracebacks included); a string is kept as is.
 */
export function structuredLogText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.flatMap(entryLines).join('\n');
}
