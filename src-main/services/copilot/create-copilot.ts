import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../../src-shared/api/events';
import type { EmbeddedGraph } from '../graph/embedded-graph';
import { GraphService } from '../graph/graph-service';
import type { JobRegistry } from '../jobs/job-registry';
import { forkLauncher, type HostLauncher } from '../llm/host-launcher';
import { LlmSettingsFile } from '../llm/llm-settings-file';
import { ModelHostClient } from '../llm/model-host-client';
import { ModelService } from '../llm/model-service';
import { ConversationStore } from './conversation-store';
import { CopilotService, type CopilotDeps } from './copilot-service';

export const LLM_SETTINGS_FILE_NAME = 'llm-settings.json';

export interface CopilotParts {
  readonly models: ModelService;
  readonly conversations: ConversationStore;
  readonly copilot: CopilotService;
}

function graphOver(db: Database.Database): () => EmbeddedGraph {
  const service = new GraphService(db);
  return () => service.graph;
}

/** Builds the model service (its host starts on first use) and the copilot over the cache. */
export function createCopilot(input: {
  db: Database.Database;
  dataDir: string;
  jobs: JobRegistry;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  asOf: (envId: string) => string;
  /** The engine's lineage graph; a graph of its own over the cache when not given. */
  graph?: () => EmbeddedGraph;
  launcher?: HostLauncher;
  /** Similar past failures by the local embedding model (the similar_failures tool). */
  similarFailures?: CopilotDeps['similarFailures'];
  /** The failure brief service: facts first in the answers it fits, and the answer without a model. */
  brief?: CopilotDeps['brief'];
}): CopilotParts {
  const graph = input.graph ?? graphOver(input.db);
  // The host keeps the system prompt's evaluated state in the data folder across its restarts.
  const host = new ModelHostClient(input.launcher ?? forkLauncher(undefined, { ORC_LLM_STATE_DIR: join(input.dataDir, 'llm-state') }));
  const models = new ModelService(
    host,
    new LlmSettingsFile(join(input.dataDir, LLM_SETTINGS_FILE_NAME)),
    input.jobs,
    (s) => input.emit('llm.status', s),
    join(input.dataDir, 'models'),
  );
  const conversations = new ConversationStore(input.db);
  const copilot = new CopilotService({
    db: input.db,
    store: conversations,
    model: { ready: () => models.status().state === 'loaded', generate: (r, onChunk, signal) => models.generate(r, onChunk, signal) },
    emit: input.emit,
    asOf: input.asOf,
    graph,
    similarFailures: input.similarFailures,
    brief: input.brief,
  });
  return { models, conversations, copilot };
}
