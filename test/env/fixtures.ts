/** Facts about the fixture DAG folder `test/fixtures/dags/` shared by the peers and the tests. */
import path from 'node:path';
import { REPO_ROOT } from './proc';

export const FIXTURE_DAGS_FOLDER = path.join(REPO_ROOT, 'test', 'fixtures', 'dags');

/** Every DAG id defined in `test/fixtures/dags/` (keep in sync with the README there). */
export const FIXTURE_DAG_IDS = [
  'orc_linear_etl',
  'orc_mapped',
  'orc_branching',
  'orc_flaky_retry',
  'orc_always_fails',
  'orc_asset_producer',
  'orc_asset_consumer',
  'orc_sensor_reschedule',
  'orc_trigger_parent',
  'orc_trigger_child',
  'orc_params',
  'orc_model_once',
  'orc_model_step',
] as const;

export type FixtureDagId = (typeof FIXTURE_DAG_IDS)[number];

/** The asset (Airflow 3) / dataset (Airflow 2) URI produced by orc_asset_producer. */
export const FIXTURE_ASSET_URI = 'file:///tmp/orc/fixture_orders.csv';

/** The error message raised by orc_always_fails.validate_schema. */
export const FIXTURE_FAILURE_MESSAGE = 'ORC-FIXTURE: schema mismatch in column amount';
