/** Schema 5: results of anomaly scoring, error patterns and failure risk, rewritten by each rescoring. */
export const sql = String.raw`
CREATE TABLE anomalies (
  env_id       TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  anomaly_id   TEXT NOT NULL,
  kind         TEXT NOT NULL,
  dag_id       TEXT NOT NULL,
  task_id      TEXT,
  run_id       TEXT,
  severity     TEXT NOT NULL,
  score        REAL NOT NULL,
  starts_at    TEXT NOT NULL,
  ends_at      TEXT NOT NULL,
  detected_at  TEXT NOT NULL,
  title        TEXT NOT NULL,
  expected     TEXT NOT NULL,
  observed     TEXT NOT NULL,
  why          TEXT NOT NULL,
  unit         TEXT NOT NULL,
  series_json  TEXT NOT NULL,
  causes_json  TEXT NOT NULL,
  run_ids_json TEXT NOT NULL,
  PRIMARY KEY (env_id, anomaly_id)
);
CREATE INDEX anomalies_by_score ON anomalies (env_id, score DESC);
CREATE INDEX anomalies_by_dag ON anomalies (env_id, dag_id, ends_at);

CREATE TABLE error_patterns (
  env_id       TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  pattern_id   TEXT NOT NULL,
  template     TEXT NOT NULL,
  exception    TEXT NOT NULL,
  count        INTEGER NOT NULL,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  is_new       INTEGER NOT NULL,
  daily_json   TEXT NOT NULL,
  tasks_json   TEXT NOT NULL,
  samples_json TEXT NOT NULL,
  PRIMARY KEY (env_id, pattern_id)
);

-- Which pattern each cached failure log belongs to.
CREATE TABLE error_pattern_hits (
  env_id      TEXT NOT NULL,
  dag_id      TEXT NOT NULL,
  run_id      TEXT NOT NULL,
  task_id     TEXT NOT NULL,
  map_index   INTEGER NOT NULL,
  try_number  INTEGER NOT NULL,
  pattern_id  TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, run_id, task_id, map_index, try_number)
) WITHOUT ROWID;

CREATE TABLE task_risks (
  env_id       TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  dag_id       TEXT NOT NULL,
  task_id      TEXT NOT NULL,
  probability  REAL NOT NULL,
  reasons_json TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, task_id)
) WITHOUT ROWID;

-- One row per scored environment: what was scored, so an unchanged history is not rescored.
CREATE TABLE analytics_runs (
  env_id        TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
  scored_at     TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  ti_count      INTEGER NOT NULL,
  model_json    TEXT NOT NULL
);
`;
