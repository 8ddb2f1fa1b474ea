import type { AnomalyKind, Severity } from '../../../src-shared/domain/analytics';

export const kindLabels: Readonly<Record<AnomalyKind, string>> = {
  duration_spike: 'Duration spike',
  gradual_slowdown: 'Gradual slowdown',
  failure_burst: 'Failure burst',
  flaky_task: 'Flaky task',
  bad_deploy: 'Bad deploy',
  late_schedule: 'Late schedule',
  missed_schedule: 'Missed schedule',
  new_error_pattern: 'New error pattern',
  queue_spike: 'Queue-time spike',
  pool_starvation: 'Pool starvation',
};

export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
