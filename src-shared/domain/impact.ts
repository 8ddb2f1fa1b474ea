import { z } from 'zod';
import { EnvId, IsoTime } from './ids';
import { ImpactItem, NodeKey } from './graph';

export const DownstreamImpact = z.object({ start: NodeKey, items: z.array(ImpactItem) });
export type DownstreamImpact = z.infer<typeof DownstreamImpact>;

/** An upstream task that failed shortly before, ranked by time then distance. */
export const UpstreamFailure = z.object({
  key: NodeKey,
  envId: EnvId,
  dagId: z.string(),
  taskId: z.string(),
  distance: z.number().int(),
  failures: z.number().int(),
  lastFailureAt: IsoTime,
});
export type UpstreamFailure = z.infer<typeof UpstreamFailure>;

/** An upstream DAG whose version changed shortly before. */
export const UpstreamChange = z.object({
  envId: EnvId,
  dagId: z.string(),
  distance: z.number().int(),
  at: IsoTime,
  fromVersion: z.string().nullable(),
  toVersion: z.string(),
});
export type UpstreamChange = z.infer<typeof UpstreamChange>;

export const UpstreamCandidates = z.object({
  from: IsoTime,
  at: IsoTime,
  failures: z.array(UpstreamFailure),
  changes: z.array(UpstreamChange),
});
export type UpstreamCandidates = z.infer<typeof UpstreamCandidates>;

export const CriticalStep = z.object({
  taskId: z.string(),
  mapIndex: z.number().int(),
  state: z.string(),
  startDate: IsoTime.nullable(),
  endDate: IsoTime.nullable(),
  durationS: z.number(),
  /** Time between the step before it ending and this one starting (queueing, scheduling). */
  waitS: z.number(),
});
export type CriticalStep = z.infer<typeof CriticalStep>;

export const CriticalPath = z.object({ runKey: NodeKey, steps: z.array(CriticalStep), totalS: z.number() });
export type CriticalPath = z.infer<typeof CriticalPath>;

export const BlastItem = z.object({
  key: NodeKey,
  label: z.enum(['Dag', 'Asset']),
  name: z.string(),
  envId: EnvId.nullable(),
  depth: z.number().int(),
  /** Stops entirely (every producer or trigger paused) rather than missing one input. */
  stalls: z.boolean(),
});
export type BlastItem = z.infer<typeof BlastItem>;

export const PauseBlastRadius = z.object({ dagKey: NodeKey, items: z.array(BlastItem) });
export type PauseBlastRadius = z.infer<typeof PauseBlastRadius>;

export const OrphanAsset = z.object({
  key: NodeKey,
  uri: z.string(),
  envIds: z.array(z.string()),
  producers: z.number().int(),
  consumers: z.number().int(),
});
export const OrphanAssets = z.object({ producedNeverConsumed: z.array(OrphanAsset), consumedNeverProduced: z.array(OrphanAsset) });
export type OrphanAssets = z.infer<typeof OrphanAssets>;
