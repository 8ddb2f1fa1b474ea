import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ApiError } from '../../../src-shared/api/errors';
import type { ModelFile, ModelStatus } from '../../../src-shared/domain/copilot-models';
import type { JobRegistry } from '../jobs/job-registry';
import type { LlmSettingsFile } from './llm-settings-file';
import type { ModelHostClient } from './model-host-client';
import type { GenerateRequest, GenerateResult } from './host/host-protocol';
import { COPILOT_CONTEXT_SIZE } from './context-size';
import { MAX_GGUF_BYTES } from './host/model-scan';
import { regularFileInside, UnsafeFileError } from '../files/bounded-file';

const NONE: ModelStatus = {
  state: 'none',
  file: null,
  progress: null,
  device: null,
  gpuLayers: null,
  contextSize: null,
  loadMs: null,
  error: null,
};

export interface ModelList {
  modelsDir: string | null;
  models: ModelFile[];
  error: string | null;
}

/** The models folder, the one loaded model and its status; generation goes through `generate`. */
export class ModelService {
  private current: ModelStatus = NONE;
  private modelsDir: string | null;

  constructor(
    private readonly host: ModelHostClient,
    private readonly settingsFile: LlmSettingsFile,
    private readonly jobs: JobRegistry,
    private readonly onStatus: (status: ModelStatus) => void,
    readonly suggestedDir: string,
  ) {
    this.modelsDir = settingsFile.load().modelsDir;
    host.onCrash((reason) => {
      if (this.current.state === 'none') return;
      this.set({
        ...NONE,
        state: 'failed',
        file: this.current.file,
        device: this.current.device,
        error: `${reason} Load the model again.`,
      });
    });
  }

  status(): ModelStatus {
    return this.current;
  }

  settings(): { modelsDir: string | null; suggestedDir: string } {
    return { modelsDir: this.modelsDir, suggestedDir: this.suggestedDir };
  }

  updateSettings(modelsDir: string | null): { modelsDir: string | null; suggestedDir: string } {
    if (modelsDir !== null && !isAbsolute(modelsDir)) {
      throw new ApiError('invalid_input', 'The models folder must be an absolute path.', `For example ${this.suggestedDir}`);
    }
    this.modelsDir = modelsDir === null ? null : resolve(modelsDir);
    this.settingsFile.save({ version: 1, modelsDir: this.modelsDir });
    return this.settings();
  }

  async list(): Promise<ModelList> {
    const dir = this.modelsDir;
    if (dir === null) return { modelsDir: null, models: [], error: null };
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return { modelsDir: dir, models: [], error: `The folder ${dir} does not exist.` };
    try {
      return { modelsDir: dir, models: await this.host.scan(dir), error: null };
    } catch (error) {
      return {
        modelsDir: dir,
        models: [],
        error: `The folder could not be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  /** Starts loading; progress and the outcome arrive as status events (and a job). */
  load(file: string): ModelStatus {
    const dir = this.modelsDir;
    if (dir === null) throw new ApiError('invalid_input', 'Choose a models folder first.');
    if (this.current.state === 'loading') throw new ApiError('conflict', 'A model is already loading.', 'Wait for it to finish.');
    const path = join(dir, file);
    // Only a regular file inside the folder is handed to llama.cpp: never a link out of it, a FIFO or a device.
    try {
      regularFileInside(dir, file, MAX_GGUF_BYTES);
    } catch (error) {
      if (!(error instanceof UnsafeFileError)) throw error;
      if (error.reason === 'missing') throw new ApiError('not_found', `There is no ${file} in ${dir}.`);
      throw new ApiError('invalid_input', error.message, 'Copy the .gguf file itself into the models folder.');
    }
    const job = this.jobs.start('llm', null, `Loading ${file}`);
    this.set({ ...NONE, state: 'loading', file, progress: 0, device: this.current.device });
    void this.host
      .device()
      .then(async (device) => {
        this.set({ ...this.current, device });
        const loaded = await this.host.load(path, COPILOT_CONTEXT_SIZE, (progress) => {
          job.progress(progress, 1);
          this.set({ ...this.current, progress });
        });
        this.set({
          state: 'loaded',
          file,
          progress: 1,
          device,
          gpuLayers: loaded.gpuLayers,
          contextSize: loaded.contextSize,
          loadMs: loaded.loadMs,
          error: null,
        });
        job.succeed(`${file} loaded on ${device.note}`);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.set({ ...NONE, state: 'failed', file, device: this.current.device, error: message });
        job.fail(message);
      });
    return this.current;
  }

  async unload(): Promise<ModelStatus> {
    if (this.current.state === 'loading') throw new ApiError('conflict', 'Wait for the model to finish loading.');
    await this.host.unload();
    this.set({ ...NONE, device: this.current.device });
    return this.current;
  }

  generate(request: GenerateRequest, onChunk: (text: string) => void, signal: AbortSignal): Promise<GenerateResult> {
    if (this.current.state !== 'loaded') {
      throw new ApiError('unavailable', 'No model is loaded.', 'Load a GGUF model on the Copilot page first.');
    }
    return this.host.generate(request, onChunk, signal);
  }

  close(): void {
    this.host.close();
  }

  private set(status: ModelStatus): void {
    this.current = status;
    this.onStatus(status);
  }
}
