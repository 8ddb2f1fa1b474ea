import { TaskState } from '../../../src-shared/domain/states';

/** A cached state text as a known task state; anything newer reads as "no status". */
const KNOWN: ReadonlySet<string> = new Set(TaskState.options);
export const toTaskState = (s: string): TaskState => (KNOWN.has(s) ? (s as TaskState) : 'none');
