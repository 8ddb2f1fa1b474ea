/**
 * Entry of the model host: a plain Node process (child_process.fork; in the
 * app forked with ELECTRON_RUN_AS_NODE) that owns node-llama-cpp, so a crash
 * or a long generation never blocks the engine. Speaks ToHost / FromHost
 * over the IPC channel.
 */
import { ToHost, type FromHost } from './host-protocol';
import { ModelRuntime } from './model-runtime';

function send(message: FromHost): void {
  process.send?.(message);
}

const runtimePromise = ModelRuntime.start({
  gpu: process.env.ORC_LLM_GPU === 'cpu' ? 'cpu' : 'auto',
  threads: Number.parseInt(process.env.ORC_LLM_THREADS ?? '0', 10) || 0,
  stateDir: process.env.ORC_LLM_STATE_DIR ?? null,
});
const generations = new Map<number, AbortController>();

async function handle(message: ToHost, runtime: ModelRuntime): Promise<unknown> {
  switch (message.type) {
    case 'device':
      return runtime.device;
    case 'scan':
      return runtime.scan(message.dir);
    case 'load':
      return runtime.load(message.request.path, message.request.contextSize, (progress) =>
        send({ type: 'progress', id: message.id, progress }),
      );
    case 'unload':
      await runtime.unload();
      return null;
    case 'stop':
      generations.get(message.target)?.abort();
      return generations.has(message.target);
    case 'generate': {
      const controller = new AbortController();
      generations.set(message.id, controller);
      try {
        return await runtime.generate(message.request, (text) => send({ type: 'chunk', id: message.id, text }), controller.signal);
      } finally {
        generations.delete(message.id);
      }
    }
  }
}

process.on('message', (raw: unknown) => {
  const parsed = ToHost.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  void runtimePromise
    .then((runtime) => handle(message, runtime))
    .then(
      (value) => send({ type: 'result', id: message.id, value: value ?? null }),
      (error: unknown) => send({ type: 'failure', id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
});

process.on('disconnect', () => process.exit(0));

runtimePromise.then(
  (runtime) => send({ type: 'ready', device: runtime.device }),
  (error: unknown) => {
    process.stderr.write(`[model-host] could not start llama.cpp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
