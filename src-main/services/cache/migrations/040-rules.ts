/** Schema 40: user rules (versioned), their firings, in-app notifications, and per-task acknowledge / mute of anomalies. */
export const sql = String.raw`
-- The current version of each rule; every save also appends to rule_versions.
CREATE TABLE rules (
  rule_id         TEXT PRIMARY KEY,
  version         INTEGER NOT NULL,
  definition_json TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE rule_versions (
  rule_id         TEXT NOT NULL,
  version         INTEGER NOT NULL,
  definition_json TEXT NOT NULL,
  saved_at        TEXT NOT NULL,
  PRIMARY KEY (rule_id, version)
);

-- One firing per rule, subject (DAG or DAG/task) and window: re-evaluating never duplicates.
CREATE TABLE rule_firings (
  env_id       TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  rule_id      TEXT NOT NULL,
  subject      TEXT NOT NULL,
  window_key   TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  rule_name    TEXT NOT NULL,
  dag_id       TEXT NOT NULL,
  task_id      TEXT,
  run_id       TEXT,
  at           TEXT NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT NOT NULL,
  action       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (env_id, rule_id, subject, window_key)
);
CREATE INDEX rule_firings_by_time ON rule_firings (env_id, at);

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  env_id       TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  rule_id      TEXT NOT NULL,
  subject      TEXT NOT NULL,
  window_key   TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  rule_name    TEXT NOT NULL,
  dag_id       TEXT NOT NULL,
  task_id      TEXT,
  run_id       TEXT,
  at           TEXT NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT NOT NULL,
  action       TEXT NOT NULL,
  desktop      INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  read         INTEGER NOT NULL DEFAULT 0
);

-- Up to which history time ("as of") rules were last evaluated per environment: firings after it are news.
CREATE TABLE rule_evaluations (
  env_id        TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
  evaluated_to  TEXT NOT NULL
);

-- Acknowledged or muted anomalies per task ('' for DAG-level anomalies), kept across rescoring.
CREATE TABLE anomaly_marks (
  env_id     TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  dag_id     TEXT NOT NULL,
  task_id    TEXT NOT NULL,
  mark       TEXT NOT NULL CHECK (mark IN ('acknowledged', 'muted')),
  marked_at  TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, task_id)
) WITHOUT ROWID;
`;
