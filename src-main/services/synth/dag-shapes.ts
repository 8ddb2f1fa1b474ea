import type { Rng } from './prng';
import { draftTask } from './operators';
import { TaskGraphBuilder } from './task-graph-builder';
import type { Domain } from './vocabulary';
import { REGIONS } from './vocabulary';

/** The task structures DAGs are built from. */
export type ShapeKind = 'linear' | 'fan' | 'mapped' | 'branching' | 'sensor' | 'ml';

export const SHAPE_WEIGHTS: readonly (readonly [ShapeKind, number])[] = [
  ['linear', 0.3],
  ['fan', 0.18],
  ['mapped', 0.14],
  ['branching', 0.12],
  ['sensor', 0.16],
  ['ml', 0.1],
];

export interface ShapeContext {
  readonly rng: Rng;
  readonly domain: Domain;
  /** Scales durations to the cadence (hourly DAGs run short tasks). */
  readonly durationScale: number;
}

type Builder = (ctx: ShapeContext, g: TaskGraphBuilder) => void;

const linear: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const extract = g.add(
    draftTask(rng, s, { taskId: `extract_${e}`, operator: rng.pick(['SQLExecuteQueryOperator', 'PythonOperator'] as const) }),
  );
  const transform = g.add(draftTask(rng, s, { taskId: `transform_${e}`, operator: 'PythonOperator' }), [extract]);
  const load = g.add(
    draftTask(rng, s, { taskId: `load_${e}`, operator: rng.pick(['SQLExecuteQueryOperator', 'S3ToRedshiftOperator'] as const) }),
    [transform],
  );
  let tail = load;
  if (rng.chance(0.7)) tail = g.add(draftTask(rng, s, { taskId: `dq_check_${e}`, operator: 'SQLExecuteQueryOperator' }), [tail]);
  if (rng.chance(0.4)) g.add(draftTask(rng, s, { taskId: 'notify_done', operator: 'BashOperator', weight: 0.1 }), [tail]);
};

const fan: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const prepare = g.add(draftTask(rng, s, { taskId: 'prepare_run', operator: 'PythonOperator', weight: 0.2 }));
  const regions = rng.shuffled(REGIONS).slice(0, rng.int(3, 5));
  const extracts = regions.map((r) =>
    g.add(draftTask(rng, s, { taskId: `extract_${e}_${r}`, operator: 'SQLExecuteQueryOperator', taskGroup: 'extract' }), [prepare]),
  );
  const merge = g.add(draftTask(rng, s, { taskId: `merge_${e}`, operator: 'PythonOperator' }), extracts);
  const load = g.add(draftTask(rng, s, { taskId: `load_${e}`, operator: 'SQLExecuteQueryOperator' }), [merge]);
  if (rng.chance(0.6)) g.add(draftTask(rng, s, { taskId: `dq_check_${e}`, operator: 'SQLExecuteQueryOperator' }), [load]);
};

const mapped: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const list = g.add(draftTask(rng, s, { taskId: `list_${e}_partitions`, operator: 'PythonOperator', weight: 0.1 }));
  const min = rng.int(2, 4);
  const process = g.add(
    draftTask(rng, s, {
      taskId: `process_partition`,
      operator: rng.pick(['PythonOperator', 'KubernetesPodOperator'] as const),
      mapped: { min, max: min + rng.int(2, 10) },
      weight: 0.5,
    }),
    [list],
  );
  const combine = g.add(draftTask(rng, s, { taskId: `combine_${e}`, operator: 'PythonOperator' }), [process]);
  g.add(draftTask(rng, s, { taskId: `load_${e}`, operator: 'SQLExecuteQueryOperator' }), [combine]);
};

const branching: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const extract = g.add(draftTask(rng, s, { taskId: `extract_${e}`, operator: 'SQLExecuteQueryOperator' }));
  const choose = g.add(draftTask(rng, s, { taskId: 'choose_load_mode', operator: 'BranchPythonOperator' }), [extract]);
  const incremental = g.add(
    draftTask(rng, s, { taskId: `incremental_load_${e}`, operator: 'SQLExecuteQueryOperator', taskGroup: 'incremental' }),
    [choose],
  );
  const full = g.add(
    draftTask(rng, s, { taskId: `full_refresh_${e}`, operator: 'SQLExecuteQueryOperator', taskGroup: 'full_refresh', weight: 3 }),
    [choose],
  );
  const rebuild = g.add(
    draftTask(rng, s, { taskId: `rebuild_indexes_${e}`, operator: 'SQLExecuteQueryOperator', taskGroup: 'full_refresh' }),
    [full],
  );
  g.setBehaviour(choose, { kind: 'branch', choices: [[incremental], [full]], weights: [0.8, 0.2] });
  const join = g.add(draftTask(rng, s, { taskId: 'join_paths', operator: 'EmptyOperator', triggerRule: 'none_failed_min_one_success' }), [
    incremental,
    rebuild,
  ]);
  g.add(draftTask(rng, s, { taskId: `refresh_${e}_views`, operator: 'SQLExecuteQueryOperator' }), [join]);
};

const sensor: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const wait = g.add(draftTask(rng, s, { taskId: `wait_for_${e}_file`, operator: 'S3KeySensor' }));
  const raw = g.add(draftTask(rng, s, { taskId: `load_raw_${e}`, operator: 'PythonOperator' }), [wait]);
  const model = g.add(draftTask(rng, s, { taskId: `transform_${e}`, operator: 'SQLExecuteQueryOperator' }), [raw]);
  if (rng.chance(0.6)) g.add(draftTask(rng, s, { taskId: `dq_check_${e}`, operator: 'SQLExecuteQueryOperator' }), [model]);
};

const ml: Builder = ({ rng, domain, durationScale: s }, g) => {
  const e = domain.entity;
  const features = g.add(draftTask(rng, s, { taskId: `build_${e}_features`, operator: 'KubernetesPodOperator', taskGroup: 'features' }));
  const validate = g.add(
    draftTask(rng, s, { taskId: 'validate_features', operator: 'PythonOperator', taskGroup: 'features', weight: 0.3 }),
    [features],
  );
  const train = g.add(draftTask(rng, s, { taskId: 'train_model', operator: 'KubernetesPodOperator', weight: 1.8 }), [validate]);
  const evaluate = g.add(draftTask(rng, s, { taskId: 'evaluate_model', operator: 'PythonOperator' }), [train]);
  g.add(draftTask(rng, s, { taskId: 'register_model', operator: 'HttpOperator', weight: 0.3 }), [evaluate]);
};

const BUILDERS: Readonly<Record<ShapeKind, Builder>> = { linear, fan, mapped, branching, sensor, ml };

export function buildShape(kind: ShapeKind, ctx: ShapeContext, g: TaskGraphBuilder): void {
  BUILDERS[kind](ctx, g);
}
