/** One match of a rule's condition, before it is tied to the rule and stored. */
export interface Candidate {
  /** `dag` or `dag/task`: with the window, what a firing is deduplicated on. */
  readonly subject: string;
  readonly window: string;
  readonly dagId: string;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly atMs: number;
  readonly title: string;
  readonly detail: string;
}

export const subjectOf = (dagId: string, taskId: string | null): string => (taskId === null ? dagId : `${dagId}/${taskId}`);
