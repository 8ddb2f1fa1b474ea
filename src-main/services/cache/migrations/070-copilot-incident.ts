/**
 * Schema 70: a copilot conversation may belong to an incident (of its environment). Deleting the incident keeps
 * the conversation: it falls back to its environment (SQLite allows a REFERENCES column here because its default is NULL).
 */
export const sql = String.raw`
ALTER TABLE copilot_conversations ADD COLUMN incident_id TEXT REFERENCES incidents(incident_id) ON DELETE SET NULL;
CREATE INDEX copilot_conversations_by_incident ON copilot_conversations (incident_id, updated_at);
`;
