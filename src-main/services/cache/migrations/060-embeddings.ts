/** Schema 60: embeddings of failure log excerpts, one per failed try and embedding model, for "similar past failures". */
export const sql = String.raw`
CREATE TABLE failure_embeddings (
  model_id    TEXT NOT NULL,
  env_id      TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  dag_id      TEXT NOT NULL,
  run_id      TEXT NOT NULL,
  task_id     TEXT NOT NULL,
  map_index   INTEGER NOT NULL,
  try_number  INTEGER NOT NULL,
  ended_at    TEXT,
  excerpt     TEXT NOT NULL,
  -- Float32 little-endian, L2-normalised; empty when the log has no error line to embed.
  vector      BLOB NOT NULL,
  PRIMARY KEY (model_id, env_id, dag_id, run_id, task_id, map_index, try_number)
) WITHOUT ROWID;
`;
