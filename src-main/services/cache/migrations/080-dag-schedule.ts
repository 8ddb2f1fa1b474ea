/**
 * Schema 80: what the schedule detector reads of a DAG beside its schedule text: Airflow's description of the
 * timetable, the DAG's timezone (from its details) and when Airflow will create its next scheduled run; an index
 * to read a DAG's runs by logical date.
 */
export const sql = String.raw`
ALTER TABLE dags ADD COLUMN timetable_description TEXT;
ALTER TABLE dags ADD COLUMN timezone TEXT;
ALTER TABLE dags ADD COLUMN next_dagrun_logical TEXT;
ALTER TABLE dags ADD COLUMN next_dagrun_run_after TEXT;
-- The DAG grid places runs by their logical date (else run_after: manual runs on Airflow 3 have none).
CREATE INDEX dag_runs_by_dag_logical ON dag_runs (env_id, dag_id, COALESCE(logical_date, run_after, queued_at, start_date));
`;
