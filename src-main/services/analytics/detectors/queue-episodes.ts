import type { CauseHint, SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import type { TaskSeries } from '../history-types';
import { finiteOrNull, formatDay, formatSeconds, isoOf } from './format';
import { poolSaturation, type PoolSaturation } from './pool-saturation';
import { QUEUE_PARAMS, type QueueParams, type QueueSpike } from './queue-delays';

const MINUTE = 60_000;
const MAX_POINTS = 120;
const MAX_RUN_IDS = 50;

/** Spikes of one pool, by queue time, split where the gap exceeds `gapMinutes`. */
function episodesOf(spikes: QueueSpike[], p: QueueParams): QueueSpike[][] {
  spikes.sort((a, b) => a.queuedMs - b.queuedMs);
  const out: QueueSpike[][] = [];
  let current: QueueSpike[] = [];
  let reach = -Infinity;
  for (const s of spikes) {
    if (current.length > 0 && s.queuedMs > reach + p.gapMinutes * MINUTE) {
      out.push(current);
      current = [];
      reach = -Infinity;
    }
    current.push(s);
    reach = Math.max(reach, s.startMs);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v;
  return best;
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

function chart(spikes: readonly QueueSpike[]): SeriesPoint[] {
  const step = Math.max(1, Math.ceil(spikes.length / MAX_POINTS));
  const out: SeriesPoint[] = [];
  for (let i = 0; i < spikes.length; i += step) {
    const s = spikes[i] as QueueSpike;
    out.push({
      t: isoOf(s.queuedMs),
      observed: finiteOrNull(s.delayS),
      expected: finiteOrNull(s.baselineS),
      lo: 0,
      hi: finiteOrNull(s.thresholdS),
      flagged: true,
      runId: s.runId,
    });
  }
  return out;
}

function episodeFinding(pool: string, spikes: readonly QueueSpike[], saturation: PoolSaturation, p: QueueParams): Finding {
  const from = spikes[0]?.queuedMs ?? 0;
  const to = Math.max(...spikes.map((s) => s.startMs));
  const delays = spikes.map((s) => s.delayS);
  const lo = Math.min(...delays);
  const hi = Math.max(...delays);
  const usual = median(spikes.map((s) => s.baselineS));
  const tasks = new Set(spikes.map((s) => `${s.dagId}.${s.taskId}`));
  const dags = new Set(spikes.map((s) => s.dagId));
  const ratio = hi / Math.max(usual, 1);
  const score = Math.min(30, 4 + Math.log2(ratio) + Math.log2(spikes.length));
  const detected = spikes.map((s) => s.queuedMs + s.thresholdS * 1000).sort((a, b) => a - b)[p.minInstances - 1] ?? to;
  const waited = `${spikes.length} task instance${spikes.length > 1 ? 's' : ''} (${tasks.size} task${tasks.size > 1 ? 's' : ''} in ${dags.size} DAG${dags.size > 1 ? 's' : ''}) waited ${formatSeconds(lo)}–${formatSeconds(hi)} in the queue of ${pool} between ${formatDay(from)} and ${formatDay(to)}`;
  const causes: CauseHint[] = [
    {
      kind: 'pool',
      value: pool,
      detail: saturation.capacityKnown
        ? `${saturation.capacity} slots; at most ${saturation.peakRunning} running during the episode.`
        : `Slots not synced; at most ${saturation.peakRunning} running during the episode.`,
    },
    { kind: 'window', value: `${formatDay(from)} – ${formatDay(to)}`, detail: 'Tasks queued in this window started late.' },
  ];
  const common = {
    dagId: mostCommon(spikes.map((s) => s.dagId)),
    taskId: null,
    runId: null,
    severity: severityOf(score),
    score,
    startsMs: from,
    endsMs: to,
    detectedMs: Math.max(from, detected),
    unit: 's',
    series: chart(spikes),
    runIds: [...new Set(spikes.map((s) => s.runId))].slice(0, MAX_RUN_IDS),
  };
  if (saturation.saturated) {
    const hogs = saturation.hogs.map((h) => `${h.task} (${h.minutes} min)`).join(', ');
    return {
      ...common,
      kind: 'pool_starvation',
      title: saturation.capacityKnown
        ? `Pool ${pool} starved: ${spikes.length} task instances waited up to ${formatSeconds(hi)} while its ${saturation.capacity} slots were in use`
        : `Pool ${pool} starved: ${spikes.length} task instances waited up to ${formatSeconds(hi)} while ${saturation.capacity} ran, its most at these times in the week before`,
      expected: `tasks of ${pool} usually start within ${formatSeconds(usual)} of being queued; ${saturation.capacityKnown ? `the pool has ${saturation.capacity} slots` : `at most ${saturation.capacity} ran at once at these times in the week before`}`,
      observed: `${waited}; ${saturation.peakRunning} running at once, the pool full for most of the episode${hogs ? `; slots held by ${hogs}` : ''}`,
      why: `${saturation.capacityKnown ? 'Every slot of the pool was taken' : 'The pool ran as many tasks as it ever does at these times (its slots are not synced)'}, so queued tasks could not start and their runs finished late. Raise the pool size, move the long holders to their own pool, or lower their priority_weight.`,
      causes: [
        ...causes,
        ...(hogs
          ? [
              {
                kind: 'task' as const,
                value: saturation.hogs.map((h) => h.task).join(', '),
                detail: 'Tasks holding most slot time during the episode.',
              },
            ]
          : []),
      ],
    };
  }
  return {
    ...common,
    kind: 'queue_spike',
    title: `${spikes.length} tasks waited ${formatSeconds(lo)}–${formatSeconds(hi)} in the ${pool} queue, usually < ${formatSeconds(Math.max(usual, 1))}`,
    expected: `queued→start within ${formatSeconds(usual)} (median of each task's last ${p.baselineRuns} instances); a spike is ≥ ${p.factor}× that and ≥ ${formatSeconds(p.floorS)} more`,
    observed: waited,
    why: `Tasks sat queued ${saturation.capacityKnown ? `with slots of the pool free (at most ${saturation.peakRunning} of ${saturation.capacity} in use)` : `with fewer running (at most ${saturation.peakRunning}) than the pool ran at these times in the week before`}, so the executor or its workers could not take them (scheduler or executor backlog, workers down or busy): their runs finished late.`,
    causes,
  };
}

/**
 * Environment step: the per-task queue spikes grouped per pool into episodes
 * (one finding each), a pool_starvation when the pool's slots were all in use
 * meanwhile, else a queue_spike. Reads only the spikes and binary-searches the
 * pool's tasks, so it runs on every scoring.
 */
export function queueFindings(
  series: readonly TaskSeries[],
  spikes: readonly QueueSpike[],
  poolSlots: ReadonlyMap<string, number>,
  p: QueueParams = QUEUE_PARAMS,
): Finding[] {
  const byPool = new Map<string, QueueSpike[]>();
  for (const s of spikes) {
    const list = byPool.get(s.pool);
    if (list) list.push(s);
    else byPool.set(s.pool, [s]);
  }
  if (byPool.size === 0) return [];
  const seriesByPool = new Map<string, TaskSeries[]>();
  for (const s of series) {
    const pool = s.pool ?? 'default_pool';
    if (!byPool.has(pool)) continue;
    const list = seriesByPool.get(pool);
    if (list) list.push(s);
    else seriesByPool.set(pool, [s]);
  }
  const out: Finding[] = [];
  for (const [pool, list] of [...byPool].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const poolSeries = seriesByPool.get(pool) ?? [];
    for (const episode of episodesOf(list, p)) {
      if (episode.length < p.minInstances) continue;
      const from = episode[0]?.queuedMs ?? 0;
      const to = Math.max(...episode.map((s) => s.startMs));
      out.push(episodeFinding(pool, episode, poolSaturation(poolSeries, poolSlots.get(pool), from, to), p));
    }
  }
  return out;
}
