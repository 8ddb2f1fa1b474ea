/**
 * node-llama-cpp is an ES module with top-level await: CommonJS bundles (the
 * app) and tsx cannot require() it, so it is imported dynamically, once.
 */
export type LlamaLib = typeof import('node-llama-cpp');

export function loadLlamaLib(): Promise<LlamaLib> {
  return import('node-llama-cpp');
}
