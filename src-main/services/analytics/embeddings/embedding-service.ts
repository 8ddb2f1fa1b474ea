import type Database from 'better-sqlite3';
import { isAbsolute, resolve } from 'node:path';
import { ApiError } from '../../../../src-shared/api/errors';
import type { EmbeddingStatus, SimilarFailures } from '../../../../src-shared/domain/similar-failures';
import type { JobRegistry } from '../../jobs/job-registry';
import { loadEmbedder, type Embedder } from './embedder';
import type { EmbeddingSettingsFile } from './embedding-settings-file';
import { EmbeddingStore, type FailureKey, type StoredEmbedding } from './embedding-store';
import { failureExcerpt } from './failure-excerpt';
import { inspectModelFolder, type UsableModel } from './model-folder';
import { templateSimilar } from './template-similar';
import { nearest, type IndexedVector } from './vector-index';

/**
 * onnxruntime-node 1.14 runs a model call on the engine's thread, so each
 * call is sized to take about this long: one excerpt at first, then as many
 * as the measured time per excerpt allows (at most MAX_BATCH).
 */
export const CALL_BUDGET_MS = 40;
const MAX_BATCH = 16;
const READ_CHUNK = 256;

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface SimilarQuery {
  readonly envId: string;
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly tryNumber?: number | undefined;
  readonly limit: number;
}

export interface EmbeddingServiceDeps {
  readonly db: Database.Database;
  readonly settingsFile: EmbeddingSettingsFile;
  readonly jobs: JobRegistry;
  /** Environments to embed when a model is chosen. */
  readonly envIds: () => readonly string[];
  readonly envName: (envId: string) => string;
  /** Called after new failures of an environment were embedded. */
  readonly onEmbedded: (envId: string) => void;
}

/**
 * Similar past failures. With a usable local embedding model (a folder the
 * user chose; nothing is ever downloaded) failure excerpts are embedded in
 * the background after each scoring, only the new ones, and a query ranks
 * every embedded failure of every environment by cosine similarity. Without
 * one, or until a failure is embedded, the mined log template answers, and
 * the answer says which method it used.
 */
export class EmbeddingService {
  readonly store: EmbeddingStore;
  private modelDir: string | null;
  private loaded: { modelId: string; embedder: Promise<Embedder> } | null = null;
  private loadError: { modelId: string; message: string } | null = null;
  private index: { modelId: string; vectors: IndexedVector<FailureKey>[] } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: EmbeddingServiceDeps) {
    this.store = new EmbeddingStore(deps.db);
    this.modelDir = deps.settingsFile.load().modelDir;
  }

  /** The folder's model when it is usable and has not failed to load. */
  private usableModel(): UsableModel | null {
    if (this.modelDir === null) return null;
    const model = inspectModelFolder(this.modelDir);
    return model.ok && this.loadError?.modelId !== model.modelId ? model : null;
  }

  status(): EmbeddingStatus {
    if (this.modelDir === null) return { modelDir: null, state: 'none', modelName: null, error: null, embedded: 0, method: 'template' };
    const model = inspectModelFolder(this.modelDir);
    if (!model.ok) return { modelDir: this.modelDir, state: 'error', modelName: null, error: model.error, embedded: 0, method: 'template' };
    const failed = this.loadError?.modelId === model.modelId ? this.loadError.message : null;
    return {
      modelDir: this.modelDir,
      state: failed === null ? 'ready' : 'error',
      modelName: model.name,
      error: failed,
      embedded: this.store.count(model.modelId),
      method: failed === null ? 'embedding' : 'template',
    };
  }

  updateSettings(modelDir: string | null): EmbeddingStatus {
    if (modelDir !== null && !isAbsolute(modelDir)) {
      throw new ApiError(
        'invalid_input',
        'The embedding model folder must be an absolute path.',
        'For example /home/me/models/all-MiniLM-L6-v2',
      );
    }
    this.modelDir = modelDir === null ? null : resolve(modelDir);
    this.deps.settingsFile.save({ version: 1, modelDir: this.modelDir });
    this.loaded = null;
    this.loadError = null;
    this.index = null;
    const status = this.status();
    if (status.state === 'ready') for (const envId of this.deps.envIds()) this.refresh(envId).catch(() => undefined);
    return status;
  }

  /** Resolves once no embedding is running (before the cache closes). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /** Embeds the environment's failures that the current model has not embedded yet; one environment at a time. */
  refresh(envId: string): Promise<number> {
    const next = this.queue.catch(() => undefined).then(() => this.embedPending(envId));
    this.queue = next;
    return next;
  }

  private embedder(model: UsableModel): Promise<Embedder> {
    if (this.loaded?.modelId !== model.modelId) this.loaded = { modelId: model.modelId, embedder: loadEmbedder(model) };
    return this.loaded.embedder;
  }

  private async embedPending(envId: string): Promise<number> {
    const model = this.usableModel();
    if (model === null) return 0;
    this.store.dropOrphans(envId);
    const total = this.store.pendingCount(envId, model.modelId);
    if (total === 0) return 0;
    const job = this.deps.jobs.start('scoring', envId, `Embedding failure logs with ${model.name}`);
    let embedder: Embedder;
    try {
      embedder = await this.embedder(model);
    } catch (error) {
      // The loader's own text may quote a file it could not parse: only its kind is shown.
      const kind = error instanceof Error ? error.name : 'error';
      const message = `The embedding model in ${model.dir} could not be loaded (${kind}): its files are damaged or not an ONNX sentence-embedding model.`;
      this.loadError = { modelId: model.modelId, message };
      job.fail(message);
      return 0;
    }
    let done = 0;
    let size = 1;
    try {
      for (;;) {
        if (this.usableModel()?.modelId !== model.modelId) break;
        const logs = this.store.pending(envId, model.modelId, READ_CHUNK);
        if (logs.length === 0) break;
        for (let i = 0; i < logs.length; ) {
          const batch = logs.slice(i, i + size).map((log) => ({ log, excerpt: failureExcerpt(log.content) }));
          i += batch.length;
          const texts = batch.flatMap((b) => (b.excerpt === null ? [] : [b.excerpt]));
          const started = performance.now();
          const vectors = await embedder.embed(texts);
          if (texts.length > 0)
            size = Math.max(1, Math.min(MAX_BATCH, Math.floor((CALL_BUDGET_MS * texts.length) / Math.max(1, performance.now() - started))));
          let v = 0;
          const rows: StoredEmbedding[] = batch.map(({ log, excerpt }) => ({
            ...log,
            excerpt: excerpt ?? '',
            vector: excerpt === null ? null : (vectors[v++] ?? null),
          }));
          this.store.put(model.modelId, rows);
          this.index = null;
          done += rows.length;
          job.progress(done, total, `${done} of ${total} failures embedded`);
          await pause();
        }
      }
      job.succeed(`${done} failures embedded with ${model.name}`);
    } catch (error) {
      job.fail(`Embedding failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (done > 0) this.deps.onEmbedded(envId);
    return done;
  }

  private vectors(modelId: string): IndexedVector<FailureKey>[] {
    if (this.index?.modelId !== modelId) this.index = { modelId, vectors: this.store.vectors(modelId) };
    return this.index.vectors;
  }

  /** Past failures most like one failed try: by embedding when the try is embedded, else by log template. */
  similar(q: SimilarQuery): SimilarFailures {
    const model = this.usableModel();
    let note: string | null = this.modelDir !== null && model === null ? (this.status().error ?? null) : null;
    if (model !== null) {
      const instance = { envId: q.envId, dagId: q.dagId, runId: q.runId, taskId: q.taskId, mapIndex: q.mapIndex };
      const tryNumber = q.tryNumber ?? this.store.latestTry(model.modelId, instance);
      const own = tryNumber === null ? null : this.store.get(model.modelId, { ...instance, tryNumber });
      if (own?.vector) {
        const sameInstance = (k: FailureKey): boolean =>
          k.envId === q.envId && k.dagId === q.dagId && k.runId === q.runId && k.taskId === q.taskId && k.mapIndex === q.mapIndex;
        const hits = nearest(own.vector, this.vectors(model.modelId), q.limit, sameInstance);
        const names = new Map<string, string>();
        const nameOf = (envId: string): string => names.get(envId) ?? names.set(envId, this.deps.envName(envId)).get(envId) ?? envId;
        const items = hits.map((h) => {
          const stored = this.store.get(model.modelId, h.key);
          return {
            ...h.key,
            envName: nameOf(h.key.envId),
            score: Math.round(h.score * 1000) / 1000,
            at: stored?.endedAt ?? null,
            excerpt: stored?.excerpt ?? '',
          };
        });
        return { method: 'embedding', modelName: model.name, note: null, items };
      }
      note =
        own === null
          ? 'This failure is not embedded yet (embedding runs after each scoring): template similarity is shown.'
          : "This failure's log has no error line to embed: template similarity is shown.";
    }
    const items = templateSimilar(this.deps.db, q, this.deps.envName(q.envId), q.limit);
    const unknown =
      items === null
        ? 'No error pattern is known for this failure yet: its log is not cached, or the environment is not scored yet.'
        : null;
    return { method: 'template', modelName: null, note: [note, unknown].filter((n) => n !== null).join(' ') || null, items: items ?? [] };
  }
}
