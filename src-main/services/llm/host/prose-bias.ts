import type { LlamaModel, TokenBias } from 'node-llama-cpp';
import type { LlamaLib } from './llama-lib';

/** Characters a prose answer never needs, and that a small model reaches for after a run of JSON replies. */
const NOT_IN_PROSE = /[{}]/;

/**
 * A token bias that never samples a token containing a brace. After several
 * JSON steps a small model tends to keep answering in JSON; with this its
 * answer is prose. Built once per loaded model (one pass over the vocabulary).
 */
export function proseBias(lib: LlamaLib, model: LlamaModel): TokenBias {
  const bias = new lib.TokenBias(model.tokenizer);
  for (const token of model.iterateAllTokens()) {
    if (NOT_IN_PROSE.test(model.detokenize([token], true))) bias.set(token, 'never');
  }
  return bias;
}
