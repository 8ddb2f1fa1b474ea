/** Schema 10: the local audit log of actions on Airflow. Append-only: triggers refuse updates and deletes. */
export const sql = String.raw`
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  os_user     TEXT NOT NULL,
  env_id      TEXT NOT NULL,
  env_name    TEXT NOT NULL,
  action      TEXT NOT NULL,
  targets_json TEXT NOT NULL,
  preview     TEXT,
  result      TEXT NOT NULL CHECK (result IN ('refused', 'succeeded', 'failed')),
  message     TEXT NOT NULL
);
CREATE INDEX audit_log_by_env ON audit_log (env_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
