import { z } from 'zod';
import { ApiError } from '../../../../src-shared/api/errors';
import type { ImpactItem } from '../../../../src-shared/domain/graph';
import { downstreamOf } from '../../graph/impact/downstream';
import { nodeKeys } from '../../graph/node-keys';
import { clipLine } from './clip';
import { ToolDagId, ToolTaskId } from './tool-args';
import { defineTool, type ToolContext } from './tool-types';

const MAX_ITEMS = 30;
const DEPTH = 6;

/** The URI inside an asset key (`["Asset","<uri>"]`). */
function assetUri(key: string): string | null {
  try {
    const parts = JSON.parse(key) as unknown[];
    return parts[0] === 'Asset' && typeof parts[1] === 'string' ? parts[1] : null;
  } catch {
    return null;
  }
}

function citeItem(ctx: ToolContext, item: ImpactItem): string | null {
  if (item.label === 'Asset') {
    const uri = assetUri(item.key);
    return uri === null
      ? null
      : ctx.cite({
          kind: 'asset',
          dagId: item.dagId ?? '',
          runId: null,
          taskId: null,
          mapIndex: null,
          tryNumber: null,
          line: null,
          uri,
          label: uri,
        });
  }
  if (item.envId !== ctx.envId || item.dagId === null) return null;
  if (item.label === 'Dag')
    return ctx.cite({
      kind: 'dag',
      dagId: item.dagId,
      runId: null,
      taskId: null,
      mapIndex: null,
      tryNumber: null,
      line: null,
      label: item.dagId,
    });
  return null;
}

/** Everything downstream of a DAG, task or asset in the lineage graph. */
export const downstreamImpact = defineTool({
  name: 'downstream_impact',
  description:
    'What is downstream of a DAG, a task or an asset in the lineage graph (DAGs, tasks and assets that would miss data), nearest first. Give an asset URI, or a DAG id with an optional task id.',
  input: z
    .object({
      asset: z.string().min(1).max(300).optional().describe('asset URI'),
      dagId: ToolDagId.optional(),
      taskId: ToolTaskId.optional(),
    })
    .strict(),
  run(ctx, args) {
    const key =
      args.asset !== undefined
        ? nodeKeys.asset(args.asset)
        : args.dagId === undefined
          ? null
          : args.taskId !== undefined
            ? nodeKeys.task(ctx.envId, args.dagId, args.taskId)
            : nodeKeys.dag(ctx.envId, args.dagId);
    if (key === null) return { text: 'Name an asset URI or a DAG id.', summary: 'nothing named' };
    const what = args.asset ?? `${args.dagId ?? ''}${args.taskId ? `.${args.taskId}` : ''}`;
    let items: ImpactItem[];
    try {
      items = downstreamOf(ctx.graph(), key, DEPTH).items.filter((i) => i.label === 'Dag' || i.label === 'Asset' || i.label === 'Task');
    } catch (error) {
      if (error instanceof ApiError) return { text: `${what} is not in the lineage graph.`, summary: 'not in the graph' };
      throw error;
    }
    if (items.length === 0) return { text: `Nothing is downstream of ${what}.`, summary: 'nothing downstream' };
    const dags = new Set(items.filter((i) => i.label === 'Dag').map((i) => `${i.envId ?? ''}/${i.dagId ?? ''}`));
    const lines = items.slice(0, MAX_ITEMS).map((i) => {
      const ref = citeItem(ctx, i);
      const env = i.envId !== null && i.envId !== ctx.envId ? ` (environment ${i.envId})` : '';
      const name = i.label === 'Task' && i.dagId !== null ? `${i.dagId}.${i.name}` : i.name;
      return `${ref ? `[${ref}] ` : ''}${i.label.toLowerCase()} ${clipLine(name, 160)}${env}, ${i.depth} steps downstream`;
    });
    return {
      text: `Downstream of ${what} (${items.length} nodes, ${dags.size} DAGs, nearest first):\n${lines.join('\n')}${items.length > MAX_ITEMS ? `\n(${items.length - MAX_ITEMS} more not shown)` : ''}`,
      summary: `${dags.size} DAGs downstream`,
    };
  },
});
