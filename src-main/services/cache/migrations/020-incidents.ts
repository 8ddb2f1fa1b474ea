/** Schema 20: the incident workspace: incidents, their pinned items (with a snapshot each) and notes. Local only. */
export const sql = String.raw`
CREATE TABLE incidents (
  incident_id TEXT PRIMARY KEY,
  env_id      TEXT NOT NULL,
  env_name    TEXT NOT NULL,
  title       TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'mitigated', 'resolved')),
  summary     TEXT NOT NULL DEFAULT '',
  imported    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX incidents_by_env ON incidents (env_id, updated_at);

CREATE TABLE incident_pins (
  incident_id   TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
  pin_id        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  target_json   TEXT NOT NULL,
  snapshot_json TEXT NOT NULL,
  pinned_at     TEXT NOT NULL,
  PRIMARY KEY (incident_id, pin_id)
);

CREATE TABLE incident_notes (
  incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
  note_id     TEXT NOT NULL,
  at          TEXT NOT NULL,
  author      TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('note', 'status')),
  text        TEXT NOT NULL,
  PRIMARY KEY (incident_id, note_id)
);
`;
