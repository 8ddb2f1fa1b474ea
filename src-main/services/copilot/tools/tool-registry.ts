import { compareRuns } from './compare-runs';
import { durationHistory } from './duration-history';
import { getRun } from './get-run';
import { listFailures } from './list-failures';
import { logExcerpt } from './log-excerpt';
import { searchFailures } from './search-failures';
import type { CopilotTool } from './tool-types';
import { whatChanged } from './what-changed';

/** Every tool the copilot may call; all read the cache only. Add analytics and graph tools here as those services land. */
export const copilotTools: readonly CopilotTool[] = [listFailures, searchFailures, getRun, logExcerpt, durationHistory, whatChanged, compareRuns];

export function findTool(name: string): CopilotTool | undefined {
  return copilotTools.find((t) => t.name === name);
}
