/** One row of the `error_patterns` table as SQLite returns it (the miner writes it; analytics, graph and copilot read it). */
export interface ErrorPatternRow {
  env_id: string;
  pattern_id: string;
  template: string;
  exception: string;
  count: number;
  first_seen: string;
  last_seen: string;
  is_new: number;
  daily_json: string;
  tasks_json: string;
  samples_json: string;
}
