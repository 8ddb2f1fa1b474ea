import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readBoundedFileSync, regularFileInside, UnsafeFileError } from '../../files/bounded-file';

/** A folder @xenova/transformers can load offline as a feature-extraction model. */
export interface UsableModel {
  readonly ok: true;
  readonly dir: string;
  /** What the UI shows: the model's own name from config.json, else the folder name. */
  readonly name: string;
  /** Keys stored vectors: a different model (or a rebuilt file) gets its own vectors. */
  readonly modelId: string;
  /** True when only onnx/model_quantized.onnx is there. */
  readonly quantized: boolean;
}

export interface UnusableModel {
  readonly ok: false;
  readonly dir: string;
  readonly error: string;
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
const ONNX_FULL = join('onnx', 'model.onnx');
const ONNX_QUANTIZED = join('onnx', 'model_quantized.onnx');

const MiB = 1024 * 1024;
/** Size bounds of what the loader reads: JSON documents (tokenizers run to tens of MB), ONNX weights. */
const MAX_JSON_BYTES = 256 * MiB;
const MAX_ONNX_BYTES = 8 * 1024 * MiB;

/** The file's size when it is a regular file inside the folder, null when missing; throws UnsafeFileError for a link, an escape, a device or an oversized file. */
function sizeInside(dir: string, name: string, maxBytes: number): number | null {
  try {
    return regularFileInside(dir, name, maxBytes);
  } catch (error) {
    if (error instanceof UnsafeFileError && error.reason === 'missing') return null;
    throw error;
  }
}

/** The model's name from config.json (null when it has none); undefined when the file is not JSON. Never quotes the file. */
function configName(dir: string): string | null | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readBoundedFileSync(join(dir, 'config.json'), { maxBytes: MAX_JSON_BYTES }) ?? '');
  } catch {
    return undefined;
  }
  const name = typeof doc === 'object' && doc !== null ? (doc as { _name_or_path?: unknown })._name_or_path : undefined;
  return typeof name === 'string' && name.trim() !== '' ? basename(name.trim()) : null;
}

/** Every other JSON file the loader may open (generation or special-token maps): regular files inside the folder too. */
function checkOtherJson(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json') && !(REQUIRED as readonly string[]).includes(name)) sizeInside(dir, name, MAX_JSON_BYTES);
  }
}

/**
 * Checks that a folder holds a sentence-embedding model in the layout
 * @xenova/transformers loads without a hub: config.json, tokenizer.json,
 * tokenizer_config.json and onnx/model.onnx (or onnx/model_quantized.onnx).
 * Each must be a regular file inside the folder, bounded in size: a link
 * (tokenizer.json -> /etc/shadow) is refused before anything reads it. The
 * error names every missing file and never quotes a file's contents.
 */
export function inspectModelFolder(dir: string): UsableModel | UnusableModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, dir, error: `The folder ${dir} does not exist.` };
  try {
    const missing: string[] = REQUIRED.filter((f) => sizeInside(dir, f, MAX_JSON_BYTES) === null);
    const fullSize = sizeInside(dir, ONNX_FULL, MAX_ONNX_BYTES);
    const quantizedSize = fullSize === null ? sizeInside(dir, ONNX_QUANTIZED, MAX_ONNX_BYTES) : null;
    if (fullSize === null && quantizedSize === null) missing.push(`${ONNX_FULL} (or ${ONNX_QUANTIZED})`);
    if (missing.length > 0) {
      return { ok: false, dir, error: `The folder ${dir} is not a usable embedding model: missing ${missing.join(', ')}.` };
    }
    checkOtherJson(dir);
    const named = configName(dir);
    if (named === undefined)
      return { ok: false, dir, error: `The folder ${dir} is not a usable embedding model: config.json is not valid JSON.` };
    const quantized = fullSize === null;
    const name = named ?? basename(dir);
    return { ok: true, dir, name, modelId: `${name}:${quantized ? 'q' : 'f'}:${fullSize ?? quantizedSize}`, quantized };
  } catch (error) {
    if (!(error instanceof UnsafeFileError)) throw error;
    return {
      ok: false,
      dir,
      error: `The folder ${dir} is not a usable embedding model: ${error.message} Copy the model's files into the folder.`,
    };
  }
}
