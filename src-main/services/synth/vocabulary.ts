/** Words the catalogue builds realistic DAG, task, owner and asset names from. */

export interface Domain {
  readonly name: string;
  /** Singular-ish data entity, used in task ids and asset paths. */
  readonly entity: string;
  /** Source database host a failed extract reports. */
  readonly sourceHost: string;
  readonly team: string;
}

export const DOMAINS: readonly Domain[] = [
  { name: 'orders', entity: 'orders', sourceHost: 'orders-db.internal', team: 'commerce-data' },
  { name: 'payments', entity: 'payments', sourceHost: 'payments-replica.internal', team: 'payments-eng' },
  { name: 'fraud', entity: 'transactions', sourceHost: 'risk-pg-01.internal', team: 'fraud-ml' },
  { name: 'customers', entity: 'customers', sourceHost: 'crm-db.internal', team: 'crm-data' },
  { name: 'inventory', entity: 'stock_levels', sourceHost: 'wms-db.internal', team: 'supply-chain' },
  { name: 'marketing', entity: 'campaigns', sourceHost: 'mkt-warehouse.internal', team: 'growth' },
  { name: 'finance', entity: 'ledger_entries', sourceHost: 'erp-db.internal', team: 'finance-data' },
  { name: 'logistics', entity: 'shipments', sourceHost: 'tms-db.internal', team: 'logistics-data' },
  { name: 'pricing', entity: 'price_points', sourceHost: 'pricing-db.internal', team: 'pricing-science' },
  { name: 'recommendations', entity: 'interactions', sourceHost: 'events-pg.internal', team: 'ml-platform' },
  { name: 'search', entity: 'queries', sourceHost: 'search-logs-db.internal', team: 'search-relevance' },
  { name: 'support', entity: 'tickets', sourceHost: 'zendesk-mirror.internal', team: 'cx-analytics' },
  { name: 'billing', entity: 'invoices', sourceHost: 'billing-db.internal', team: 'finance-data' },
  { name: 'risk', entity: 'exposures', sourceHost: 'risk-pg-02.internal', team: 'risk-analytics' },
  { name: 'ads', entity: 'impressions', sourceHost: 'ads-clickhouse.internal', team: 'ads-data' },
  { name: 'sessions', entity: 'sessions', sourceHost: 'clickstream-db.internal', team: 'product-analytics' },
  { name: 'returns', entity: 'returns', sourceHost: 'orders-db.internal', team: 'commerce-data' },
  { name: 'catalog', entity: 'products', sourceHost: 'pim-db.internal', team: 'catalog-eng' },
  { name: 'loyalty', entity: 'points', sourceHost: 'loyalty-db.internal', team: 'crm-data' },
  { name: 'partners', entity: 'partner_feeds', sourceHost: 'partner-gw.internal', team: 'integrations' },
  { name: 'warehouse', entity: 'fact_tables', sourceHost: 'dwh-primary.internal', team: 'data-platform' },
  { name: 'hr', entity: 'employees', sourceHost: 'hris-db.internal', team: 'people-analytics' },
  { name: 'devices', entity: 'telemetry', sourceHost: 'iot-timescale.internal', team: 'iot-data' },
  { name: 'subscriptions', entity: 'subscriptions', sourceHost: 'billing-db.internal', team: 'payments-eng' },
];

/** What a DAG does, as its name says it. */
export const PURPOSES: readonly string[] = [
  'etl',
  'features',
  'sync',
  'report',
  'ingest',
  'export',
  'aggregates',
  'snapshot',
  'dq_checks',
  'scoring',
  'rollup',
  'reconciliation',
  'mart_refresh',
  'dedup',
  'enrichment',
];

export const REGIONS: readonly string[] = ['eu', 'us', 'apac', 'latam', 'mea'];

export const PEOPLE: readonly string[] = [
  'a.kowalski',
  'm.rossi',
  'j.chen',
  's.okafor',
  'l.martin',
  'p.novak',
  'k.tanaka',
  'r.garcia',
  'e.larsen',
  'd.singh',
];

export const EXTRA_TAGS: readonly string[] = ['critical', 'pii', 'sla', 'tier-1', 'tier-2', 'experimental', 'gdpr', 'finance'];

export interface PoolSpec {
  readonly name: string;
  readonly slots: number;
  readonly description: string;
  /** Median seconds a task waits in the queue for a slot. */
  readonly queueMedianS: number;
}

export const POOLS: readonly PoolSpec[] = [
  { name: 'default_pool', slots: 128, description: 'Default pool', queueMedianS: 2 },
  { name: 'postgres_pool', slots: 8, description: 'Connections to the OLTP replicas', queueMedianS: 12 },
  { name: 's3_pool', slots: 16, description: 'Heavy S3 transfers', queueMedianS: 6 },
  { name: 'spark_pool', slots: 4, description: 'Spark / Kubernetes pod jobs', queueMedianS: 45 },
  { name: 'api_pool', slots: 5, description: 'Rate-limited partner APIs', queueMedianS: 20 },
  { name: 'sensor_pool', slots: 32, description: 'Sensors in reschedule mode', queueMedianS: 30 },
];
