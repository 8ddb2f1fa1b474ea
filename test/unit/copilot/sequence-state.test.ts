import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkLauncher } from '../../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../../src-main/services/llm/model-host-client';
import { writeTinyModel } from '../../helpers/tiny-gguf/tiny-model-file';
import { makeTempDir } from '../temp-dir';

const temp = makeTempDir('orc-llm-state-');
afterAll(() => temp.cleanup());

const stateDir = join(temp.dir, 'llm-state');
const host = () => new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: 'cpu', ORC_LLM_THREADS: '1', ORC_LLM_STATE_DIR: stateDir }));
const request = (question: string) => ({
  messages: [
    { role: 'system' as const, text: 'You are the incident copilot of a test. '.repeat(20) },
    { role: 'user' as const, text: question },
  ],
  jsonSchema: null,
  maxTokens: 8,
  temperature: 0,
  seed: 1,
});

describe('the system prompt evaluated once, kept across model host restarts', () => {
  it('saves the sequence after the first answer and restores it when the next host loads the same model', async () => {
    const model = writeTinyModel(temp.dir);
    const first = host();
    try {
      expect((await first.load(model, 1024, () => undefined)).restoredTokens).toBe(0);
      await first.generate(request('why did it fail?'), () => undefined, new AbortController().signal);
    } finally {
      first.close();
    }
    expect(readdirSync(stateDir).filter((f) => f.endsWith('.state'))).toHaveLength(1);

    const second = host();
    try {
      const loaded = await second.load(model, 1024, () => undefined);
      expect(loaded.restoredTokens).toBeGreaterThan(100);
      const answer = await second.generate(request('what changed?'), () => undefined, new AbortController().signal);
      expect(answer.stopReason).not.toBe('stopped');
    } finally {
      second.close();
    }
  }, 120_000);

  it('does not load a state saved for another context size', async () => {
    const other = host();
    try {
      expect((await other.load(writeTinyModel(temp.dir), 2048, () => undefined)).restoredTokens).toBe(0);
    } finally {
      other.close();
    }
  }, 60_000);
});
