import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Rule, RuleDraft, type RulesFile } from '../../../src-shared/domain/rules';

type RuleRow = { rule_id: string; version: number; definition_json: string; updated_at: string };

export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

function toRule(r: RuleRow): Rule {
  return Rule.parse({ ...RuleDraft.parse(JSON.parse(r.definition_json)), ruleId: r.rule_id, version: r.version, updatedAt: r.updated_at });
}

const draftOf = (rule: RuleDraft): RuleDraft =>
  RuleDraft.parse({
    name: rule.name,
    enabled: rule.enabled,
    envId: rule.envId,
    dagId: rule.dagId,
    taskId: rule.taskId,
    condition: rule.condition,
    notify: rule.notify,
    action: rule.action,
  });

/** Rules as versioned data: the current version in `rules`, every saved version in `rule_versions`. Fixed SQL, bound values. */
export class RuleStore {
  constructor(private readonly db: Database.Database) {}

  list(): Rule[] {
    return (
      this.db
        .prepare('SELECT rule_id, version, definition_json, updated_at FROM rules ORDER BY updated_at DESC, rule_id')
        .all() as RuleRow[]
    ).map(toRule);
  }

  get(ruleId: string): Rule | null {
    const row = this.db.prepare('SELECT rule_id, version, definition_json, updated_at FROM rules WHERE rule_id = ?').get(ruleId) as
      | RuleRow
      | undefined;
    return row ? toRule(row) : null;
  }

  /** Creates a rule (no id) or saves a new version of one; an identical definition keeps its version. */
  save(draft: RuleDraft, ruleId: string | null, now = new Date()): Rule {
    const definition = JSON.stringify(draftOf(draft));
    const existing = ruleId === null ? null : this.get(ruleId);
    if (existing && JSON.stringify(draftOf(existing)) === definition) return existing;
    const id = existing?.ruleId ?? ruleId ?? `r-${randomUUID().slice(0, 8)}`;
    const version = (existing?.version ?? 0) + 1;
    this.write(id, version, definition, now.toISOString());
    return this.get(id) as Rule;
  }

  remove(ruleId: string): boolean {
    return this.db.prepare('DELETE FROM rules WHERE rule_id = ?').run(ruleId).changes > 0;
  }

  versions(ruleId: string): { version: number; savedAt: string }[] {
    return (
      this.db.prepare('SELECT version, saved_at FROM rule_versions WHERE rule_id = ? ORDER BY version').all(ruleId) as {
        version: number;
        saved_at: string;
      }[]
    ).map((r) => ({ version: r.version, savedAt: r.saved_at }));
  }

  exportFile(now = new Date()): RulesFile {
    return { format: 'orc-ai-desk/rules', formatVersion: 1, exportedAt: now.toISOString(), rules: this.list() };
  }

  /** Adds the file's rules; one with a known id and another definition becomes that rule's next version. One transaction. */
  importFile(file: RulesFile, now = new Date()): ImportOutcome {
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    this.db.transaction(() => {
      for (const rule of file.rules) {
        const existing = this.get(rule.ruleId);
        const definition = JSON.stringify(draftOf(rule));
        if (existing === null) {
          const prior =
            (this.db.prepare('SELECT MAX(version) AS v FROM rule_versions WHERE rule_id = ?').get(rule.ruleId) as { v: number | null }).v ??
            0;
          this.write(rule.ruleId, Math.max(rule.version, prior + 1), definition, now.toISOString());
          created++;
        } else if (JSON.stringify(draftOf(existing)) === definition) unchanged++;
        else {
          this.write(rule.ruleId, existing.version + 1, definition, now.toISOString());
          updated++;
        }
      }
    })();
    return { created, updated, unchanged };
  }

  private write(ruleId: string, version: number, definition: string, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rules (rule_id, version, definition_json, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (rule_id) DO UPDATE SET version = excluded.version, definition_json = excluded.definition_json, updated_at = excluded.updated_at`,
        )
        .run(ruleId, version, definition, at);
      this.db
        .prepare('INSERT OR REPLACE INTO rule_versions (rule_id, version, definition_json, saved_at) VALUES (?, ?, ?, ?)')
        .run(ruleId, version, definition, at);
    })();
  }
}
