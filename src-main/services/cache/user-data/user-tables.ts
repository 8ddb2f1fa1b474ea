/**
 * The tables that hold what a person wrote or decided, as opposed to what a
 * sync, the Demo or scoring can build again: environments and their
 * monitoring settings, triage, marks, incidents with pins and notes, rules
 * and their versions, copilot conversations, and the audit log. Ordered so
 * that a row's parent is restored before it.
 */
export const USER_TABLES = [
  'environments',
  'env_monitoring',
  'run_triage',
  'anomaly_marks',
  'incidents',
  'incident_pins',
  'incident_notes',
  'rules',
  'rule_versions',
  'copilot_conversations',
  'copilot_messages',
  'copilot_proposals',
  'audit_log',
] as const;

/** Table names go into SQL text (identifiers cannot be bound): only these plain names ever do. */
export function quotedTable(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a table name: ${name}`);
  return `"${name}"`;
}
