import type { SynthLabel } from '../src-main/services/synth/label-types';

/** Whether an injected incident left any trace in the history at all (else no detector could see it). */
export function isObservable(label: SynthLabel): boolean {
  switch (label.kind) {
    case 'duration_spike':
      return label.detail.taskInstances.length > 0;
    case 'gradual_slowdown':
      return label.detail.affectedTaskInstances > 0;
    case 'failure_burst':
      return label.detail.failedTries.length > 0;
    case 'flaky_task':
      return label.detail.failedTries.length > 0;
    case 'bad_deploy':
      return label.detail.failedTaskInstances.length > 0;
    case 'late_schedule':
      return label.detail.delayedRuns.length > 0;
    case 'missed_schedule':
      return label.detail.missedRuns.length > 0;
    case 'new_error_pattern':
      return label.detail.occurrences.length > 0;
    case 'queue_spike':
      return label.detail.taskInstances.length > 0;
  }
}
