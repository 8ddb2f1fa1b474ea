import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

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

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The model's name from config.json (null when it has none); undefined when the file is not JSON. */
function configName(dir: string): string | null | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const name = typeof doc === 'object' && doc !== null ? (doc as { _name_or_path?: unknown })._name_or_path : undefined;
  return typeof name === 'string' && name.trim() !== '' ? basename(name.trim()) : null;
}

/**
 * Checks that a folder holds a sentence-embedding model in the layout
 * @xenova/transformers loads without a hub: config.json, tokenizer.json,
 * tokenizer_config.json and onnx/model.onnx (or onnx/model_quantized.onnx).
 * The error names every missing file.
 */
export function inspectModelFolder(dir: string): UsableModel | UnusableModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, dir, error: `The folder ${dir} does not exist.` };
  const missing: string[] = REQUIRED.filter((f) => !isFile(join(dir, f)));
  const full = isFile(join(dir, ONNX_FULL));
  const quantized = !full && isFile(join(dir, ONNX_QUANTIZED));
  if (!full && !quantized) missing.push(`${ONNX_FULL} (or ${ONNX_QUANTIZED})`);
  if (missing.length > 0) {
    return { ok: false, dir, error: `The folder ${dir} is not a usable embedding model: missing ${missing.join(', ')}.` };
  }
  const named = configName(dir);
  if (named === undefined) return { ok: false, dir, error: `The folder ${dir} is not a usable embedding model: config.json is not valid JSON.` };
  const onnx = statSync(join(dir, quantized ? ONNX_QUANTIZED : ONNX_FULL));
  const name = named ?? basename(dir);
  return { ok: true, dir, name, modelId: `${name}:${quantized ? 'q' : 'f'}:${onnx.size}`, quantized };
}
