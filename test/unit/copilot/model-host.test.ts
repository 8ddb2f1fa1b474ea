import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBrokenModels } from '../../helpers/tiny-gguf/broken-models';
import { tinyHostClient } from '../../helpers/tiny-gguf/tiny-host';
import { TINY_MODEL_FILE, writeTinyModel } from '../../helpers/tiny-gguf/tiny-model-file';
import type { ModelHostClient } from '../../../src-main/services/llm/model-host-client';
import { makeTempDir } from '../temp-dir';

const temp = makeTempDir('orc-llm-host-');
let host: ModelHostClient;
let modelPath: string;
let broken: { truncated: string; notGguf: string };

beforeAll(async () => {
  modelPath = writeTinyModel(temp.dir);
  broken = writeBrokenModels(temp.dir, modelPath);
  host = tinyHostClient();
  await host.device();
}, 60_000);

afterAll(() => {
  host.close();
  temp.cleanup();
});

const messages = (question: string) => [
  { role: 'system' as const, text: 'You are a test.' },
  { role: 'user' as const, text: question },
];

describe('model host with the tiny GGUF', () => {
  it('says it runs on the CPU', async () => {
    const device = await host.device();
    expect(device.backend).toBe('cpu');
    expect(device.note).toMatch(/^CPU, 1 threads/);
  });

  it('lists the models folder with GGUF metadata, and names what is wrong with broken files', async () => {
    const models = await host.scan(temp.dir);
    const tiny = models.find((m) => m.file === TINY_MODEL_FILE);
    expect(tiny).toMatchObject({
      error: null,
      architecture: 'llama',
      quantization: 'F32',
      contextLength: 4096,
      hasChatTemplate: true,
      gpuFit: 'no_gpu',
      totalLayers: 3,
    });
    expect(tiny?.parameters).toBeGreaterThan(50_000);
    expect(tiny?.estimatedMemoryBytes).toBeGreaterThan(0);
    expect(models.find((m) => m.file === 'not-a-model.gguf')?.error).toMatch(/not a GGUF file/);
    expect(models.find((m) => m.file === 'truncated.gguf')?.error).toMatch(/damaged|truncated/i);
  });

  it('refuses a file that is not GGUF with a clear error and keeps running', async () => {
    await expect(host.load(broken.notGguf, 1024, () => undefined)).rejects.toThrow(/not a GGUF file/);
    await expect(host.load(broken.truncated, 1024, () => undefined)).rejects.toThrow(/truncated/);
    expect(host.running).toBe(true);
  });

  it('loads on the CPU with progress', async () => {
    const progress: number[] = [];
    const loaded = await host.load(modelPath, 1024, (p) => progress.push(p));
    expect(loaded.gpuLayers).toBe(0);
    expect(loaded.contextSize).toBeGreaterThanOrEqual(1024);
    expect(progress.at(-1)).toBe(1);
  });

  it('streams tokens', async () => {
    const chunks: string[] = [];
    const result = await host.generate(
      { messages: messages('why did the task fail?'), jsonSchema: null, maxTokens: 24, temperature: 0, seed: 1 },
      (text) => chunks.push(text),
      new AbortController().signal,
    );
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(result.text);
    expect(result.stats.tokens).toBeGreaterThan(1);
    expect(result.stats.tokensPerSecond).toBeGreaterThan(0);
    expect(result.stats.firstTokenMs).not.toBeNull();
  });

  it('constrains output to a JSON schema so even random weights emit a valid call', async () => {
    const schema = {
      oneOf: [
        {
          type: 'object',
          properties: { tool: { const: 'get_run' }, args: { type: 'object', properties: { dagId: { type: 'string', maxLength: 12 } } } },
        },
        { type: 'object', properties: { tool: { const: 'answer' } } },
      ],
    };
    const Call = z.union([
      z.object({ tool: z.literal('get_run'), args: z.object({ dagId: z.string().max(12) }).strict() }).strict(),
      z.object({ tool: z.literal('answer') }).strict(),
    ]);
    for (const seed of [1, 2, 3]) {
      const result = await host.generate(
        { messages: messages('call a tool'), jsonSchema: schema, maxTokens: 200, temperature: 1, seed },
        () => undefined,
        new AbortController().signal,
      );
      expect(result.stopReason).toBe('eos');
      expect(Call.safeParse(JSON.parse(result.text)).success).toBe(true);
    }
  });

  it('writes a prose answer without braces, even from random weights that produce them otherwise', async () => {
    const ask = (prose: boolean, seed: number) =>
      host.generate(
        { messages: messages('explain'), jsonSchema: null, prose, maxTokens: 300, temperature: 1, seed },
        () => undefined,
        new AbortController().signal,
      );
    const seeds = [1, 2, 3, 4, 5, 6];
    const free = await Promise.all(seeds.map((seed) => ask(false, seed)));
    const prose = await Promise.all(seeds.map((seed) => ask(true, seed)));
    expect(free.map((r) => r.text).join('')).toMatch(/[{}]/);
    for (const r of prose) expect(r.text).not.toMatch(/[{}]/);
    expect(prose.map((r) => r.text).join('').length).toBeGreaterThan(100);
  });

  it('stops a long generation when asked', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const result = await host.generate(
      { messages: messages('go on forever'), jsonSchema: null, maxTokens: 4000, temperature: 0, seed: 1 },
      () => {
        if (++chunks === 3) controller.abort();
      },
      controller.signal,
    );
    expect(result.stopReason).toBe('stopped');
    expect(result.stats.tokens).toBeLessThan(4000);
  });
});

describe('a model host that crashes', () => {
  it('rejects what was in flight, and the next call starts a fresh host', async () => {
    const local = tinyHostClient();
    await local.device();
    const crashes: string[] = [];
    local.onCrash((reason) => crashes.push(reason));
    const pending = local.scan(join(temp.dir));
    local.close();
    await expect(pending).rejects.toThrow(/stopped unexpectedly/);
    expect(crashes).toHaveLength(1);
    expect((await local.device()).backend).toBe('cpu');
    local.close();
  });
});
