import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { EventName, EventPayload } from '../../../src-shared/api/events';
import type { CopilotContext } from '../../../src-shared/domain/copilot';
import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import type { EmbeddedGraph } from '../graph/embedded-graph';
import { runTurn } from './agent/agent-loop';
import type { ModelPort } from './agent/model-port';
import { historyTurns } from './conversation-history';
import type { ConversationStore } from './conversation-store';
import { envFacts, narrowingFor } from './env-facts';
import { checkConversationIncident, incidentContext } from './incident-link';
import { copilotTools } from './tools/tool-registry';
import type { ToolContext } from './tools/tool-types';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface CopilotDeps {
  readonly db: Database.Database;
  readonly store: ConversationStore;
  readonly model: ModelPort & { ready(): boolean };
  readonly emit: Emit;
  /** The environment's "now" (throws not_found for an unknown environment). */
  readonly asOf: (envId: string) => string;
  /** The embedded lineage graph, for the graph tools. */
  readonly graph: () => EmbeddedGraph;
  /** Similar past failures by the local embedding model, for the similar_failures tool. */
  readonly similarFailures?: ToolContext['similarFailures'];
  /** The failure brief of one run (no model): it comes first in the answers it fits, and is the answer without a model. */
  readonly brief?: (run: { envId: string; dagId: string; runId: string }, asOf: string) => FailureBrief | null;
  readonly maxSteps?: number;
  readonly now?: () => string;
}

interface Running {
  readonly envId: string;
  readonly conversationId: string;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

const DEFAULT_MAX_STEPS = 6;

/**
 * Conversations and turns: one answer at a time, streamed as events, kept in
 * SQLite. It never executes an action: a proposal card opens the actions
 * dialog, where only a person's confirmation runs it (and the audit log records it).
 */
export class CopilotService {
  private readonly running = new Map<string, Running>();

  constructor(private readonly deps: CopilotDeps) {
    deps.store.settleAbandoned();
  }

  private now(): string {
    return (this.deps.now ?? (() => new Date().toISOString()))();
  }

  activeTurn(envId: string, conversationId: string): string | null {
    for (const [turnId, r] of this.running) if (r.envId === envId && r.conversationId === conversationId) return turnId;
    return null;
  }

  /**
   * Starts a turn. A new conversation belongs to `incidentId` when given (an incident of this environment);
   * it is ignored for an existing conversation, which keeps what it belongs to.
   */
  ask(
    envId: string,
    conversationId: string | null,
    question: string,
    context: CopilotContext | null,
    incidentId: string | null = null,
  ): { conversationId: string; turnId: string } {
    const asOf = this.deps.asOf(envId);
    const incident = conversationId === null && incidentId !== null ? checkConversationIncident(this.deps.db, envId, incidentId) : null;
    if (this.running.size > 0) throw new ApiError('conflict', 'The copilot is still answering.', 'Wait for the answer or press Stop.');
    const conversation =
      conversationId === null
        ? this.deps.store.create(envId, question, context, this.now(), incident)
        : this.deps.store.get(envId, conversationId);
    if (conversation === null) throw new ApiError('not_found', 'There is no such conversation.');
    const about =
      context ?? conversation.context ?? (conversation.incidentId === null ? null : incidentContext(this.deps.db, conversation.incidentId));
    const history = historyTurns(this.deps.store.messages(envId, conversation.id));
    const turnId = this.deps.store.startTurn(envId, conversation.id, question, this.now());
    const controller = new AbortController();
    const ref = { envId, conversationId: conversation.id, turnId };
    this.deps.emit('copilot.turn', { ...ref, state: 'running' });
    const done = this.answer(ref, asOf, question, about, history, controller.signal);
    this.running.set(turnId, { envId, conversationId: conversation.id, controller, done });
    return { conversationId: conversation.id, turnId };
  }

  stop(envId: string, turnId: string): boolean {
    const r = this.running.get(turnId);
    if (!r || r.envId !== envId) return false;
    r.controller.abort();
    return true;
  }

  /** Resolves when the turn (if running) has ended; for tests and shutdown. */
  async settled(turnId: string): Promise<void> {
    await this.running.get(turnId)?.done;
  }

  private async answer(
    ref: { envId: string; conversationId: string; turnId: string },
    asOf: string,
    question: string,
    context: CopilotContext | null,
    history: ReturnType<typeof historyTurns>,
    signal: AbortSignal,
  ): Promise<void> {
    const { envId, conversationId, turnId } = ref;
    let text = '';
    try {
      const brief = this.deps.brief;
      const result = await runTurn(this.deps.model.ready() ? this.deps.model : null, {
        question,
        context,
        history,
        envName: envFacts(this.deps.db, envId)?.name ?? envId,
        tools: copilotTools,
        toolContext: { db: this.deps.db, envId, asOf, graph: this.deps.graph, similarFailures: this.deps.similarFailures },
        narrow: narrowingFor(this.deps.db, envId),
        maxSteps: this.deps.maxSteps ?? DEFAULT_MAX_STEPS,
        seed: 7,
        ...(brief === undefined ? {} : { brief: (dagId: string, runId: string) => brief({ envId, dagId, runId }, asOf) }),
        signal,
        onStep: (step) => this.deps.emit('copilot.step', { ...ref, step }),
        onToken: (chunk) => {
          text += chunk;
          this.deps.emit('copilot.token', { ...ref, text: chunk });
        },
      });
      this.deps.store.finishTurn(envId, conversationId, turnId, { ...result, error: null }, this.now());
      this.deps.emit('copilot.turn', { ...ref, state: result.state });
    } catch (error) {
      const state = signal.aborted ? 'stopped' : 'failed';
      const message = signal.aborted ? null : error instanceof Error ? error.message : String(error);
      this.deps.store.finishTurn(
        envId,
        conversationId,
        turnId,
        { text, state, error: message, citations: [], steps: [], stats: null, proposals: [] },
        this.now(),
      );
      this.deps.emit('copilot.turn', { ...ref, state });
    } finally {
      this.running.delete(turnId);
      this.deps.emit('data.changed', { topics: ['copilot'], envId });
    }
  }
}
