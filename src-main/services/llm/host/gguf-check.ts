import { open, stat } from 'node:fs/promises';

/** Why a file cannot be a model, in words a person can act on; null when it looks like GGUF. */
export async function ggufProblem(path: string): Promise<string | null> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return 'The file does not exist or cannot be read.';
  }
  if (size < 24) return `The file is ${size} bytes long: too short to be a GGUF model (it is probably truncated).`;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.toString('latin1') !== 'GGUF') {
      return 'This is not a GGUF file (it does not start with "GGUF"). Convert the model to GGUF, e.g. with llama.cpp\'s convert_hf_to_gguf.py.';
    }
  } finally {
    await handle.close();
  }
  return null;
}

/** Turns a loader exception into one clear sentence. */
export function describeLoadError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/out of bounds|unexpected end|offset|truncat|EOF|not within the file bounds|failed to read/i.test(text)) {
    return `The GGUF file is damaged or truncated (${text}). Download or copy it again.`;
  }
  if (/unknown model architecture|unsupported/i.test(text)) return `llama.cpp does not support this model (${text}).`;
  if (/memory|alloc/i.test(text)) return `Not enough memory to load this model (${text}). Try a smaller quantization.`;
  return `The model could not be loaded: ${text}`;
}
