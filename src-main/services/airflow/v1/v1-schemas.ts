/** Shorthands for the generated Airflow 2 (`/api/v1`) schemas used by the v1 source. */
import type { components } from '../generated/airflow-v1';

type S = components['schemas'];
export type V1Dag = S['DAG'];
export type V1DagCollection = S['DAGCollection'];
export type V1Tag = S['Tag'];
export type V1CronExpression = NonNullable<S['CronExpression']>;
export type V1Task = S['Task'];
export type V1TaskCollection = S['TaskCollection'];
export type V1ClassReference = S['ClassReference'];
export type V1Run = S['DAGRun'];
export type V1RunCollection = S['DAGRunCollection'];
export type V1TaskInstance = S['TaskInstance'];
export type V1TaskInstanceCollection = S['TaskInstanceCollection'];
export type V1ImportError = S['ImportError'];
export type V1ImportErrorCollection = S['ImportErrorCollection'];
export type V1EventLog = S['EventLog'];
export type V1EventLogCollection = S['EventLogCollection'];
export type V1Dataset = S['Dataset'];
export type V1DatasetCollection = S['DatasetCollection'];
export type V1TaskDatasetRef = S['TaskOutletDatasetReference'];
export type V1DagDatasetRef = S['DagScheduleDatasetReference'];
export type V1DatasetEvent = S['DatasetEvent'];
export type V1DatasetEventCollection = S['DatasetEventCollection'];
export type V1Pool = S['Pool'];
export type V1PoolCollection = S['PoolCollection'];
export type V1Version = S['VersionInfo'];
export type V1Health = S['HealthInfo'];
