import { loadLlamaLib } from '../../src-main/services/llm/host/llama-lib';
import { roughTokens, type TokenCounter } from './recording-port';

/**
 * The model's own tokenizer (its vocabulary only, no weights), to count the tokens a turn
 * reads; about 3.6 characters a token where it cannot be loaded. Returns the counter and its kind.
 */
export async function modelTokenCounter(path: string): Promise<{ count: TokenCounter; exact: boolean; close: () => Promise<void> }> {
  try {
    const lib = await loadLlamaLib();
    const llama = await lib.getLlama({ gpu: false });
    const model = await llama.loadModel({ modelPath: path, vocabOnly: true });
    return { count: (text) => model.tokenize(text).length, exact: true, close: () => model.dispose() };
  } catch (error) {
    process.stderr.write(
      `eval:copilot: the tokenizer did not load (${error instanceof Error ? error.message : String(error)}); counting ~3.6 characters a token\n`,
    );
    return { count: roughTokens, exact: false, close: async () => undefined };
  }
}
