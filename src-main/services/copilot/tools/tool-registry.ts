import { anomaliesAndRisks } from './anomalies-risks';
import { compareRuns } from './compare-runs';
import { downstreamImpact } from './downstream-impact';
import { durationHistory } from './duration-history';
import { errorPatterns } from './error-patterns';
import { getRun } from './get-run';
import { listFailures } from './list-failures';
import { logExcerpt } from './log-excerpt';
import { searchFailures } from './search-failures';
import { similarFailures } from './similar-failures';
import type { CopilotTool } from './tool-types';
import { upstreamCandidatesTool } from './upstream-candidates';
import { whatChanged } from './what-changed';

/** Every tool the copilot may call; all read the cache, the stored analytics and the lineage graph only. */
export const copilotTools: readonly CopilotTool[] = [
  listFailures,
  searchFailures,
  getRun,
  logExcerpt,
  durationHistory,
  whatChanged,
  compareRuns,
  anomaliesAndRisks,
  errorPatterns,
  similarFailures,
  upstreamCandidatesTool,
  downstreamImpact,
];

export function findTool(name: string): CopilotTool | undefined {
  return copilotTools.find((t) => t.name === name);
}
