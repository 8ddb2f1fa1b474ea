import { buildByteLevelVocab } from './byte-level-vocab';
import { writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';

/** ChatML, the template node-llama-cpp recognises as ChatMLChatWrapper. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export interface TinyLlamaOptions {
  readonly embedding?: number;
  readonly layers?: number;
  readonly heads?: number;
  readonly feedForward?: number;
  readonly contextLength?: number;
  readonly seed?: number;
}

/** mulberry32: small deterministic PRNG so the same options give the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A llama-architecture GGUF with tiny dimensions and random F32 weights:
 * it loads and generates (nonsense) on CPU in milliseconds, which is what
 * structural tests need: real loading, tokenizing, sampling and grammars.
 */
export function buildTinyLlama(options: TinyLlamaOptions = {}): Buffer {
  const nEmbd = options.embedding ?? 64;
  const nLayer = options.layers ?? 2;
  const nHead = options.heads ?? 4;
  const nFf = options.feedForward ?? 128;
  const nCtx = options.contextLength ?? 4096;
  const random = prng(options.seed ?? 7);
  const vocab = buildByteLevelVocab();
  const nVocab = vocab.tokens.length;

  const meta = new Map<string, GgufValue>([
    ['general.architecture', { kind: 'string', value: 'llama' }],
    ['general.name', { kind: 'string', value: 'orc-tiny-test' }],
    ['general.file_type', { kind: 'u32', value: 0 }],
    ['general.alignment', { kind: 'u32', value: 32 }],
    ['llama.context_length', { kind: 'u32', value: nCtx }],
    ['llama.embedding_length', { kind: 'u32', value: nEmbd }],
    ['llama.block_count', { kind: 'u32', value: nLayer }],
    ['llama.feed_forward_length', { kind: 'u32', value: nFf }],
    ['llama.attention.head_count', { kind: 'u32', value: nHead }],
    ['llama.attention.head_count_kv', { kind: 'u32', value: nHead }],
    ['llama.rope.dimension_count', { kind: 'u32', value: nEmbd / nHead }],
    ['llama.rope.freq_base', { kind: 'f32', value: 10000 }],
    ['llama.attention.layer_norm_rms_epsilon', { kind: 'f32', value: 1e-5 }],
    ['llama.vocab_size', { kind: 'u32', value: nVocab }],
    ['tokenizer.ggml.model', { kind: 'string', value: 'gpt2' }],
    ['tokenizer.ggml.pre', { kind: 'string', value: 'gpt-2' }],
    ['tokenizer.ggml.tokens', { kind: 'strings', value: vocab.tokens }],
    ['tokenizer.ggml.token_type', { kind: 'i32s', value: vocab.types }],
    ['tokenizer.ggml.merges', { kind: 'strings', value: vocab.merges }],
    ['tokenizer.ggml.bos_token_id', { kind: 'u32', value: vocab.bosId }],
    ['tokenizer.ggml.eos_token_id', { kind: 'u32', value: vocab.eosId }],
    ['tokenizer.ggml.add_bos_token', { kind: 'bool', value: false }],
    ['tokenizer.chat_template', { kind: 'string', value: CHATML_TEMPLATE }],
  ]);

  const filled = (dims: number[], value: number | null): Float32Array => {
    const out = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < out.length; i++) out[i] = value ?? (random() * 2 - 1) * 0.08;
    return out;
  };
  const tensor = (name: string, dims: number[], value: number | null = null): GgufTensor => ({ name, dims, data: filled(dims, value) });

  const tensors: GgufTensor[] = [tensor('token_embd.weight', [nEmbd, nVocab])];
  for (let l = 0; l < nLayer; l++) {
    tensors.push(
      tensor(`blk.${l}.attn_norm.weight`, [nEmbd], 1),
      tensor(`blk.${l}.attn_q.weight`, [nEmbd, nEmbd]),
      tensor(`blk.${l}.attn_k.weight`, [nEmbd, nEmbd]),
      tensor(`blk.${l}.attn_v.weight`, [nEmbd, nEmbd]),
      tensor(`blk.${l}.attn_output.weight`, [nEmbd, nEmbd]),
      tensor(`blk.${l}.ffn_norm.weight`, [nEmbd], 1),
      tensor(`blk.${l}.ffn_gate.weight`, [nEmbd, nFf]),
      tensor(`blk.${l}.ffn_up.weight`, [nEmbd, nFf]),
      tensor(`blk.${l}.ffn_down.weight`, [nFf, nEmbd]),
    );
  }
  tensors.push(tensor('output_norm.weight', [nEmbd], 1), tensor('output.weight', [nEmbd, nVocab]));
  return writeGguf(meta, tensors);
}
