import type { GenerateRequest, GenerateResult } from '../../llm/host/host-protocol';

/** What the agent needs from a model: the model host client, or a scripted stand-in in tests. */
export interface ModelPort {
  generate(request: GenerateRequest, onChunk: (text: string) => void, signal: AbortSignal): Promise<GenerateResult>;
}
