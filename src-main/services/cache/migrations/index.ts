import { sql as initial } from './001-initial';
import { sql as triage } from './002-triage';
import { sql as copilot } from './003-copilot';
import { sql as analytics } from './005-analytics';
import { sql as auditLog } from './010-audit-log';
import { sql as incidents } from './020-incidents';
import { sql as monitoring } from './030-monitoring';
import { sql as rules } from './040-rules';
import { sql as riskLateness } from './050-risk-lateness';
import { sql as embeddings } from './060-embeddings';
import { sql as copilotIncident } from './070-copilot-incident';
import { sql as dagSchedule } from './080-dag-schedule';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, append-only. Never edit an applied migration: add the next one. */
export const migrations: readonly Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'triage', sql: triage },
  { id: 3, name: 'copilot', sql: copilot },
  { id: 5, name: 'analytics', sql: analytics },
  { id: 10, name: 'audit-log', sql: auditLog },
  { id: 20, name: 'incidents', sql: incidents },
  { id: 30, name: 'monitoring', sql: monitoring },
  { id: 40, name: 'rules', sql: rules },
  { id: 50, name: 'risk-lateness', sql: riskLateness },
  { id: 60, name: 'embeddings', sql: embeddings },
  { id: 70, name: 'copilot-incident', sql: copilotIncident },
  { id: 80, name: 'dag-schedule', sql: dagSchedule },
];
