/** Schema 3: copilot conversations per environment, their messages and proposed actions (never executed by the copilot). */
export const sql = String.raw`
CREATE TABLE copilot_conversations (
  env_id          TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  title           TEXT NOT NULL,
  context_json    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (env_id, conversation_id)
);
CREATE INDEX copilot_conversations_by_time ON copilot_conversations (env_id, updated_at);

CREATE TABLE copilot_messages (
  env_id          TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  text            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('running', 'done', 'stopped', 'failed')),
  error           TEXT,
  citations_json  TEXT NOT NULL DEFAULT '[]',
  steps_json      TEXT NOT NULL DEFAULT '[]',
  stats_json      TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (env_id, conversation_id, message_id),
  FOREIGN KEY (env_id, conversation_id) REFERENCES copilot_conversations(env_id, conversation_id) ON DELETE CASCADE
);
CREATE INDEX copilot_messages_in_order ON copilot_messages (env_id, conversation_id, seq);

CREATE TABLE copilot_proposals (
  env_id          TEXT NOT NULL,
  proposal_id     TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('clear_task', 'pause_dag', 'trigger_run', 'add_note')),
  dag_id          TEXT NOT NULL,
  run_id          TEXT,
  task_id         TEXT,
  note            TEXT,
  summary         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('proposed', 'refused')),
  status_message  TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (env_id, proposal_id),
  FOREIGN KEY (env_id, conversation_id) REFERENCES copilot_conversations(env_id, conversation_id) ON DELETE CASCADE
);
`;
