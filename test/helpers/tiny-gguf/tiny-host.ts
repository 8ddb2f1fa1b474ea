import { forkLauncher } from '../../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../../src-main/services/llm/model-host-client';

/** A model host on the CPU with one thread: the test machines are small and shared. */
export function tinyHostClient(): ModelHostClient {
  return new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: 'cpu', ORC_LLM_THREADS: '1' }));
}
