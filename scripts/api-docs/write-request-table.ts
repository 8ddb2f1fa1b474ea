/**
 * Rewrites the request and event tables of ARCHITECTURE.md from the contract.
 * Run: npm run docs:requests (a unit test fails while the tables are stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRequestTables } from './request-table';

const file = join(import.meta.dirname, '..', '..', 'ARCHITECTURE.md');
writeFileSync(file, withRequestTables(readFileSync(file, 'utf8')));
