import type { RunState, TaskState } from '../../../src-shared/domain/states';

export type AnyState = RunState | TaskState;
/** Shapes differ by meaning, so state never depends on colour alone. */
export type StateShape = 'check' | 'cross' | 'play' | 'clock' | 'retry' | 'warn' | 'skip' | 'hollow' | 'dash' | 'pause';

export interface StateLook {
  label: string;
  shape: StateShape;
  /** The CSS tone, `--state-<tone>` in the theme. */
  tone: 'ok' | 'bad' | 'active' | 'waiting' | 'warn' | 'neutral';
}

export const stateLooks: Readonly<Record<AnyState, StateLook>> = {
  success: { label: 'success', shape: 'check', tone: 'ok' },
  failed: { label: 'failed', shape: 'cross', tone: 'bad' },
  running: { label: 'running', shape: 'play', tone: 'active' },
  queued: { label: 'queued', shape: 'clock', tone: 'waiting' },
  scheduled: { label: 'scheduled', shape: 'clock', tone: 'waiting' },
  up_for_retry: { label: 'up for retry', shape: 'retry', tone: 'warn' },
  restarting: { label: 'restarting', shape: 'retry', tone: 'active' },
  upstream_failed: { label: 'upstream failed', shape: 'warn', tone: 'warn' },
  up_for_reschedule: { label: 'up for reschedule', shape: 'pause', tone: 'waiting' },
  deferred: { label: 'deferred', shape: 'pause', tone: 'waiting' },
  skipped: { label: 'skipped', shape: 'skip', tone: 'neutral' },
  removed: { label: 'removed', shape: 'dash', tone: 'neutral' },
  none: { label: 'no status', shape: 'hollow', tone: 'neutral' },
};
