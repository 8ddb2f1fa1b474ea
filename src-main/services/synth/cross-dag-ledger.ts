/** A parent's TriggerDagRunOperator firing for a child DAG. */
export interface TriggerRecord {
  readonly at: number;
  readonly parentDagId: string;
  readonly parentRunId: string;
}

/**
 * What one DAG's history hands to later DAGs (asset updates, child
 * triggers), plus the environment-wide id counters. DAGs are generated in
 * catalogue order, so producers and parents are complete before readers ask.
 */
export class CrossDagLedger {
  private readonly assetEvents = new Map<string, number[]>();
  private readonly triggers = new Map<string, TriggerRecord[]>();
  private eventLogId = 0;
  private assetEventId = 0;

  addAssetEvent(uri: string, at: number): string {
    const list = this.assetEvents.get(uri) ?? [];
    list.push(at);
    this.assetEvents.set(uri, list);
    this.assetEventId += 1;
    return String(this.assetEventId);
  }

  /** Update instants of an asset, ascending. */
  assetUpdates(uri: string): readonly number[] {
    return (this.assetEvents.get(uri) ?? []).slice().sort((a, b) => a - b);
  }

  addTrigger(childDagId: string, record: TriggerRecord): void {
    const list = this.triggers.get(childDagId) ?? [];
    list.push(record);
    this.triggers.set(childDagId, list);
  }

  triggersFor(childDagId: string): readonly TriggerRecord[] {
    return (this.triggers.get(childDagId) ?? []).slice().sort((a, b) => a.at - b.at);
  }

  nextEventLogId(): number {
    this.eventLogId += 1;
    return this.eventLogId;
  }
}
