import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestNames } from '../../../src-shared/api/contract';
import { requestTables, withRequestTables } from '../../../scripts/api-docs/request-table';

describe("ARCHITECTURE.md's request table", () => {
  it('is the one generated from the contract (npm run docs:requests rewrites it)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'ARCHITECTURE.md'), 'utf8');
    expect(withRequestTables(doc)).toBe(doc);
  });

  it('has a row per request', () => {
    const table = requestTables();
    for (const name of requestNames) expect(table).toContain(`| \`${name}\` |`);
  });
});
