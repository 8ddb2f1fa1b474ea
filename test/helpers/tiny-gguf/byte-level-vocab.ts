/**
 * A small but real GPT-2 style byte-level BPE vocabulary: the 256 byte symbols,
 * merges that spell common words of this app's prompts, and ChatML specials.
 */

/** GPT-2's reversible byte → printable character table. */
export function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table: string[] = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return table;
}

const WORDS = [
  'the',
  'and',
  'run',
  'runs',
  'task',
  'tasks',
  'failed',
  'success',
  'error',
  'dag',
  'log',
  'because',
  'upstream',
  'downstream',
  'tool',
  'kind',
  'args',
  'answer',
  'retry',
  'slower',
  'duration',
  'baseline',
  'changed',
  'time',
  'why',
  'what',
  'which',
  'did',
  'fail',
  'on',
  'in',
  'of',
  'to',
  'is',
  'was',
  'with',
  'from',
  'this',
  'that',
];
const PUNCT = ['{"', '":', '",', '"}', '},', '[]', '\n\n', '  '];

export const SPECIAL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'] as const;

export interface ByteLevelVocab {
  readonly tokens: readonly string[];
  /** llama.cpp token types: 1 normal, 3 control. */
  readonly types: readonly number[];
  readonly merges: readonly string[];
  readonly eosId: number;
  readonly bosId: number;
}

export function buildByteLevelVocab(): ByteLevelVocab {
  const table = bytesToUnicode();
  const tokens = [...table];
  const known = new Set(tokens);
  const merges: string[] = [];
  const encode = (text: string): string[] => [...Buffer.from(text, 'utf8')].map((b) => table[b] ?? '');
  const spell = (symbols: string[]): void => {
    let acc = symbols[0] ?? '';
    for (const next of symbols.slice(1)) {
      const merged = acc + next;
      if (!known.has(merged)) {
        known.add(merged);
        tokens.push(merged);
        merges.push(`${acc} ${next}`);
      }
      acc = merged;
    }
  };
  for (const word of WORDS) {
    spell(encode(word));
    spell(encode(` ${word}`));
  }
  for (const p of PUNCT) spell(encode(p));
  const types = tokens.map(() => 1);
  for (const special of SPECIAL_TOKENS) {
    tokens.push(special);
    types.push(3);
  }
  const eosId = tokens.indexOf('<|im_end|>');
  const bosId = tokens.indexOf('<|endoftext|>');
  return { tokens, types, merges, eosId, bosId };
}
