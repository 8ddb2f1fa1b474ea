/** Schema 1: environments and their synced Airflow history. */
export const sql = String.raw`
-- ORC AI Desk cache, schema 1.
-- Every row belongs to an environment; identities are Airflow's own keys,
-- so re-syncing the same page upserts the same rows.

CREATE TABLE environments (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('demo', 'airflow3', 'airflow2')),
  color           TEXT NOT NULL,
  read_only       INTEGER NOT NULL DEFAULT 1,
  base_url        TEXT,
  airflow_version TEXT,
  config_json     TEXT NOT NULL DEFAULT '{}',
  synthetic       INTEGER NOT NULL DEFAULT 0,
  -- For synthetic history: the instant the generated history ends ("now" of the demo).
  as_of           TEXT,
  created_at      TEXT NOT NULL,
  last_sync_at    TEXT,
  last_sync_error TEXT
);

CREATE TABLE dags (
  env_id        TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  dag_id        TEXT NOT NULL,
  description   TEXT,
  schedule      TEXT,
  is_paused     INTEGER NOT NULL DEFAULT 0,
  is_active     INTEGER NOT NULL DEFAULT 1,
  owners_json   TEXT NOT NULL DEFAULT '[]',
  tags_json     TEXT NOT NULL DEFAULT '[]',
  fileloc       TEXT,
  params_json   TEXT,
  last_parsed   TEXT,
  max_active_runs INTEGER,
  deleted_at    TEXT,
  PRIMARY KEY (env_id, dag_id)
) WITHOUT ROWID;

CREATE TABLE tasks (
  env_id          TEXT NOT NULL,
  dag_id          TEXT NOT NULL,
  task_id         TEXT NOT NULL,
  operator        TEXT,
  pool            TEXT,
  queue           TEXT,
  retries         INTEGER,
  trigger_rule    TEXT,
  is_mapped       INTEGER NOT NULL DEFAULT 0,
  task_group      TEXT,
  downstream_json TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (env_id, dag_id, task_id),
  FOREIGN KEY (env_id, dag_id) REFERENCES dags(env_id, dag_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE dag_runs (
  env_id        TEXT NOT NULL,
  dag_id        TEXT NOT NULL,
  run_id        TEXT NOT NULL,
  state         TEXT NOT NULL,
  run_type      TEXT NOT NULL,
  logical_date  TEXT,
  run_after     TEXT,
  queued_at     TEXT,
  start_date    TEXT,
  end_date      TEXT,
  duration_s    REAL,
  conf_json     TEXT,
  note          TEXT,
  dag_version   TEXT,
  triggered_by  TEXT,
  deleted_upstream INTEGER NOT NULL DEFAULT 0,
  synced_at     TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, run_id)
);
CREATE INDEX dag_runs_by_time ON dag_runs (env_id, start_date);
CREATE INDEX dag_runs_by_dag_time ON dag_runs (env_id, dag_id, start_date);
CREATE INDEX dag_runs_by_state ON dag_runs (env_id, state, start_date);
-- "When a run happened" (started, else queued, else scheduled): the order of every run list.
CREATE INDEX dag_runs_by_run_time ON dag_runs (env_id, COALESCE(start_date, queued_at, run_after, logical_date));
CREATE INDEX dag_runs_by_dag_run_time ON dag_runs (env_id, dag_id, COALESCE(start_date, queued_at, run_after, logical_date));

CREATE TABLE task_instances (
  env_id        TEXT NOT NULL,
  dag_id        TEXT NOT NULL,
  run_id        TEXT NOT NULL,
  task_id       TEXT NOT NULL,
  map_index     INTEGER NOT NULL DEFAULT -1,
  state         TEXT NOT NULL,
  try_number    INTEGER NOT NULL DEFAULT 0,
  max_tries     INTEGER NOT NULL DEFAULT 0,
  start_date    TEXT,
  end_date      TEXT,
  duration_s    REAL,
  queued_at     TEXT,
  hostname      TEXT,
  operator      TEXT,
  pool          TEXT,
  queue         TEXT,
  executor      TEXT,
  note          TEXT,
  deleted_upstream INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (env_id, dag_id, run_id, task_id, map_index)
) WITHOUT ROWID;
CREATE INDEX task_instances_by_task_time ON task_instances (env_id, dag_id, task_id, start_date);
CREATE INDEX task_instances_by_time ON task_instances (env_id, start_date);
-- Only the states an investigation filters on: a small index that keeps ingest fast.
CREATE INDEX task_instances_in_trouble ON task_instances (env_id, start_date)
  WHERE state IN ('failed', 'up_for_retry', 'upstream_failed');

-- Earlier tries of a task instance (Airflow's task instance history).
CREATE TABLE task_tries (
  env_id      TEXT NOT NULL,
  dag_id      TEXT NOT NULL,
  run_id      TEXT NOT NULL,
  task_id     TEXT NOT NULL,
  map_index   INTEGER NOT NULL DEFAULT -1,
  try_number  INTEGER NOT NULL,
  state       TEXT NOT NULL,
  start_date  TEXT,
  end_date    TEXT,
  duration_s  REAL,
  hostname    TEXT,
  PRIMARY KEY (env_id, dag_id, run_id, task_id, map_index, try_number)
) WITHOUT ROWID;

-- Logs of failed and retried tries, bounded to the last N bytes.
CREATE TABLE task_logs (
  env_id      TEXT NOT NULL,
  dag_id      TEXT NOT NULL,
  run_id      TEXT NOT NULL,
  task_id     TEXT NOT NULL,
  map_index   INTEGER NOT NULL DEFAULT -1,
  try_number  INTEGER NOT NULL,
  content     TEXT NOT NULL,
  truncated   INTEGER NOT NULL DEFAULT 0,
  fetched_at  TEXT NOT NULL,
  PRIMARY KEY (env_id, dag_id, run_id, task_id, map_index, try_number)
);

CREATE TABLE import_errors (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  error_id    TEXT NOT NULL,
  filename    TEXT NOT NULL,
  stack_trace TEXT NOT NULL,
  timestamp   TEXT,
  PRIMARY KEY (env_id, error_id)
);

CREATE TABLE event_logs (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  event_id    INTEGER NOT NULL,
  when_ts     TEXT NOT NULL,
  event       TEXT NOT NULL,
  owner       TEXT,
  dag_id      TEXT,
  task_id     TEXT,
  run_id      TEXT,
  extra       TEXT,
  PRIMARY KEY (env_id, event_id)
);
CREATE INDEX event_logs_by_time ON event_logs (env_id, when_ts);

CREATE TABLE assets (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  uri         TEXT NOT NULL,
  name        TEXT,
  PRIMARY KEY (env_id, uri)
) WITHOUT ROWID;

-- Producer (task outlet) and consumer (DAG schedule / task inlet) links.
CREATE TABLE asset_links (
  env_id      TEXT NOT NULL,
  uri         TEXT NOT NULL,
  dag_id      TEXT NOT NULL,
  task_id     TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL CHECK (role IN ('producer', 'consumer')),
  PRIMARY KEY (env_id, uri, dag_id, task_id, role)
) WITHOUT ROWID;

CREATE TABLE asset_events (
  env_id        TEXT NOT NULL,
  event_id      TEXT NOT NULL,
  uri           TEXT NOT NULL,
  timestamp     TEXT NOT NULL,
  source_dag_id TEXT,
  source_task_id TEXT,
  source_run_id TEXT,
  PRIMARY KEY (env_id, event_id)
);
CREATE INDEX asset_events_by_uri ON asset_events (env_id, uri, timestamp);

CREATE TABLE pools (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  slots       INTEGER NOT NULL,
  description TEXT,
  PRIMARY KEY (env_id, name)
) WITHOUT ROWID;

-- Incremental sync cursors, one per environment and resource.
CREATE TABLE sync_cursors (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  resource    TEXT NOT NULL,
  cursor      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (env_id, resource)
) WITHOUT ROWID;

-- Ground truth of injected incidents in synthetic history (exact labels for evaluation).
CREATE TABLE synth_labels (
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  label_id    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  dag_id      TEXT,
  task_id     TEXT,
  starts_at   TEXT NOT NULL,
  ends_at     TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  PRIMARY KEY (env_id, label_id)
);
`;
