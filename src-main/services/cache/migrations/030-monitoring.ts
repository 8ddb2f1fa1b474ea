/** Schema 30: where each environment's Prometheus, Alertmanager and Grafana live (the Slack webhook is a secret: vault only). */
export const sql = String.raw`
CREATE TABLE env_monitoring (
  env_id                  TEXT PRIMARY KEY REFERENCES environments (id) ON DELETE CASCADE,
  prometheus_url          TEXT,
  alertmanager_url        TEXT,
  grafana_url             TEXT,
  grafana_dashboards_json TEXT NOT NULL DEFAULT '[]',
  updated_at              TEXT NOT NULL
);
`;
