import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LlamaContextSequence } from 'node-llama-cpp';

/**
 * The evaluated state of the model's context sequence (the system prompt and what followed it), kept on disk so
 * that a restarted model host does not read the system prompt again: node-llama-cpp reuses the prefix a new prompt
 * shares with the restored tokens. One file per model file (path, size, modification time) and context size: a
 * state from another model could crash llama.cpp, so a file is only ever loaded for the identity it was saved under.
 */
export class SequenceStateFile {
  private saved = false;

  private constructor(private readonly file: string) {}

  /** Null without a state folder (ORC_LLM_STATE_DIR unset) or when the model file cannot be read. */
  static for(dir: string | null, modelPath: string, contextSize: number): SequenceStateFile | null {
    if (dir === null) return null;
    try {
      const { size, mtimeMs } = statSync(modelPath);
      const id = createHash('sha256').update(`${modelPath}\n${size}\n${mtimeMs}\n${contextSize}`).digest('hex').slice(0, 32);
      mkdirSync(dir, { recursive: true });
      return new SequenceStateFile(join(dir, `${id}.state`));
    } catch {
      return null;
    }
  }

  /** Restores the saved state into `sequence`; returns the tokens restored (0 when there is none or it is unusable, then removed). */
  async restore(sequence: LlamaContextSequence): Promise<number> {
    try {
      statSync(this.file);
    } catch {
      return 0;
    }
    try {
      await sequence.loadStateFromFile(this.file, { acceptRisk: true });
      return sequence.contextTokens.length;
    } catch {
      rmSync(this.file, { force: true });
      await sequence.clearHistory();
      return 0;
    }
  }

  /** Saves the sequence once per load (after its first answer), through a temporary file. */
  async saveOnce(sequence: LlamaContextSequence): Promise<void> {
    if (this.saved) return;
    this.saved = true;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await sequence.saveStateToFile(temp);
      renameSync(temp, this.file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
