import { requestNames, requests } from '../../src-shared/api/contract';
import { events } from '../../src-shared/api/events';

export const TABLE_START = '<!-- generated from the contract by `npm run docs:requests`; do not edit by hand -->';
export const TABLE_END = '<!-- end of the generated request table -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const topics = (list: readonly string[]): string => list.map((t) => `\`${t}\``).join(', ');

function access(name: (typeof requestNames)[number]): string {
  const def = requests[name];
  if (def.kind === 'query') return def.reads.length === 0 ? 'reads nothing cached' : `reads ${topics(def.reads)}`;
  const onError = def.changesOnError.length === 0 ? '' : `; on error ${topics(def.changesOnError)}`;
  return `**changes** ${topics(def.changes)}${onError}`;
}

/** ARCHITECTURE.md's tables of requests and events, from the contract: what each answers, its scope, what it reads or changes. */
export function requestTables(): string {
  const rows = requestNames.map((name) => `| \`${name}\` | ${requests[name].scope} | ${access(name)} | ${cell(requests[name].summary)} |`);
  const eventRows = Object.entries(events).map(([name, def]) => `| \`${name}\` | ${cell(def.summary)} |`);
  return [
    TABLE_START,
    `${requestNames.length} requests:`,
    '',
    '| request | scope | reads / changes | what it answers |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| event | what it says |',
    '|---|---|',
    ...eventRows,
    TABLE_END,
  ].join('\n');
}

/** The document with its generated section replaced; throws when the markers are missing. */
export function withRequestTables(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('ARCHITECTURE.md lacks the request table markers.');
  return doc.slice(0, start) + requestTables() + doc.slice(end + TABLE_END.length);
}
