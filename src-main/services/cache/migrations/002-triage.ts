/** Schema 2: local triage state of failed runs (seen, note), never sent to Airflow. */
export const sql = String.raw`
CREATE TABLE run_triage (
  env_id     TEXT NOT NULL,
  dag_id     TEXT NOT NULL,
  run_id     TEXT NOT NULL,
  seen_at    TEXT,
  note       TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, run_id)
) WITHOUT ROWID;
`;
