import type { TaskBehaviour, TaskSpec } from './catalogue-types';
import type { TaskDraft } from './operators';

/** Collects tasks in topological order (upstream first) and derives the downstream lists. */
export class TaskGraphBuilder {
  private readonly drafts: TaskDraft[] = [];
  private readonly upstreams: number[][] = [];

  add(draft: TaskDraft, upstream: readonly number[] = []): number {
    for (const u of upstream) {
      if (u < 0 || u >= this.drafts.length) throw new Error(`upstream ${u} of ${draft.taskId} is not added yet`);
    }
    this.drafts.push(draft);
    this.upstreams.push([...upstream]);
    return this.drafts.length - 1;
  }

  get size(): number {
    return this.drafts.length;
  }

  has(taskId: string): boolean {
    return this.drafts.some((d) => d.taskId === taskId);
  }

  /** Tasks nothing depends on yet. */
  sinks(): number[] {
    const fed = new Set(this.upstreams.flat());
    return this.drafts.map((_, i) => i).filter((i) => !fed.has(i));
  }

  setBehaviour(index: number, behaviour: TaskBehaviour): void {
    const draft = this.drafts[index];
    if (!draft) throw new Error(`no task ${index}`);
    this.drafts[index] = { ...draft, behaviour };
  }

  build(): TaskSpec[] {
    const downstream: number[][] = this.drafts.map(() => []);
    this.upstreams.forEach((ups, i) => ups.forEach((u) => downstream[u]?.push(i)));
    return this.drafts.map((d, i) => ({ ...d, upstream: this.upstreams[i] ?? [], downstream: downstream[i] ?? [] }));
  }
}
