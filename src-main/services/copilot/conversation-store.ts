import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ActionProposal, Conversation, CopilotContext, CopilotMessage } from '../../../src-shared/domain/copilot';
import { toConversation, toMessage, toProposal, type ConversationRow, type MessageRow, type ProposalRow } from './conversation-rows';

export interface FinishedTurn {
  readonly text: string;
  readonly state: CopilotMessage['state'];
  readonly error: string | null;
  readonly citations: CopilotMessage['citations'];
  readonly steps: CopilotMessage['steps'];
  readonly stats: CopilotMessage['stats'];
  readonly proposals: readonly ActionProposal[];
}

const TITLE_MAX = 80;

/** A conversation with the title of the incident it belongs to (none once that incident is deleted: incident_id is then NULL). */
const CONVERSATION_SQL = `SELECT c.*, i.title AS incident_title FROM copilot_conversations c LEFT JOIN incidents i ON i.incident_id = c.incident_id`;

/** Conversations, messages and proposals of the copilot, per environment. Fixed SQL, bound values. */
export class ConversationStore {
  constructor(private readonly db: Database.Database) {}

  /** Newest first; only one incident's conversations when `incidentId` is given. */
  list(envId: string, incidentId?: string): Conversation[] {
    const rows = this.db
      .prepare(
        `${CONVERSATION_SQL} WHERE c.env_id = @envId AND (@incidentId IS NULL OR c.incident_id = @incidentId) ORDER BY c.updated_at DESC, c.conversation_id LIMIT 200`,
      )
      .all({ envId, incidentId: incidentId ?? null }) as ConversationRow[];
    return rows.map(toConversation);
  }

  get(envId: string, conversationId: string): Conversation | null {
    const row = this.db.prepare(`${CONVERSATION_SQL} WHERE c.env_id = ? AND c.conversation_id = ?`).get(envId, conversationId) as
      | ConversationRow
      | undefined;
    return row ? toConversation(row) : null;
  }

  /** A new conversation, of the environment or of one of its incidents (the caller checks the incident is of this environment). */
  create(envId: string, title: string, context: CopilotContext | null, now: string, incidentId: string | null = null): Conversation {
    const id = randomUUID();
    const clipped = title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
    this.db
      .prepare(
        'INSERT INTO copilot_conversations (env_id, conversation_id, title, context_json, created_at, updated_at, incident_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(envId, id, clipped, context === null ? null : JSON.stringify(context), now, now, incidentId);
    return this.get(envId, id) as Conversation;
  }

  delete(envId: string, conversationId: string): boolean {
    return (
      this.db.prepare('DELETE FROM copilot_conversations WHERE env_id = ? AND conversation_id = ?').run(envId, conversationId).changes > 0
    );
  }

  messages(envId: string, conversationId: string): CopilotMessage[] {
    const rows = this.db
      .prepare('SELECT * FROM copilot_messages WHERE env_id = ? AND conversation_id = ? ORDER BY seq')
      .all(envId, conversationId) as MessageRow[];
    const proposals = this.db
      .prepare('SELECT * FROM copilot_proposals WHERE env_id = ? AND conversation_id = ? ORDER BY created_at, proposal_id')
      .all(envId, conversationId) as ProposalRow[];
    return rows.map((r) => toMessage(r, proposals.filter((p) => p.message_id === r.message_id).map(toProposal)));
  }

  /** Appends the user's question and an empty running answer; returns the answer's id (the turn id). */
  startTurn(envId: string, conversationId: string, question: string, now: string): string {
    const turnId = randomUUID();
    this.db.transaction(() => {
      const next = (
        this.db
          .prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM copilot_messages WHERE env_id = ? AND conversation_id = ?')
          .get(envId, conversationId) as { n: number }
      ).n;
      const insert = this.db.prepare(
        `INSERT INTO copilot_messages (env_id, conversation_id, message_id, seq, role, text, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      insert.run(envId, conversationId, randomUUID(), next, 'user', question, 'done', now);
      insert.run(envId, conversationId, turnId, next + 1, 'assistant', '', 'running', now);
      this.db
        .prepare('UPDATE copilot_conversations SET updated_at = ? WHERE env_id = ? AND conversation_id = ?')
        .run(now, envId, conversationId);
    })();
    return turnId;
  }

  finishTurn(envId: string, conversationId: string, turnId: string, turn: FinishedTurn, now: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE copilot_messages SET text = ?, state = ?, error = ?, citations_json = ?, steps_json = ?, stats_json = ?
           WHERE env_id = ? AND conversation_id = ? AND message_id = ?`,
        )
        .run(
          turn.text,
          turn.state,
          turn.error,
          JSON.stringify(turn.citations),
          JSON.stringify(turn.steps),
          turn.stats === null ? null : JSON.stringify(turn.stats),
          envId,
          conversationId,
          turnId,
        );
      const insert = this.db.prepare(
        `INSERT INTO copilot_proposals (env_id, proposal_id, conversation_id, message_id, kind, dag_id, run_id, task_id, note, summary, status, status_message, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const p of turn.proposals) {
        insert.run(
          envId,
          p.id,
          conversationId,
          turnId,
          p.kind,
          p.dagId,
          p.runId,
          p.taskId,
          p.note,
          p.summary,
          p.status,
          p.statusMessage,
          now,
        );
      }
      this.db
        .prepare('UPDATE copilot_conversations SET updated_at = ? WHERE env_id = ? AND conversation_id = ?')
        .run(now, envId, conversationId);
    })();
  }

  /** Turns left running by a stopped engine read as stopped. */
  settleAbandoned(): void {
    this.db
      .prepare(
        `UPDATE copilot_messages SET state = 'stopped', error = 'The app closed while this answer was being written.' WHERE state = 'running'`,
      )
      .run();
  }

  proposal(envId: string, proposalId: string): ActionProposal | null {
    const row = this.db.prepare('SELECT * FROM copilot_proposals WHERE env_id = ? AND proposal_id = ?').get(envId, proposalId) as
      | ProposalRow
      | undefined;
    return row ? toProposal(row) : null;
  }
}
