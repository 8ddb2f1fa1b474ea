import type { HostLauncher } from '../../src-main/services/llm/host-launcher';
import type { GenerateRequest } from '../../src-main/services/llm/host/host-protocol';

/**
 * A model host that lists and loads models for real (the tiny test model, on the CPU) but answers every
 * generation from a script: the copilot's e2e can then make the model say exactly what it tests (a task id that
 * is in no result, a tool that finds nothing). Replies arrive as the real host sends them: chunks, then the result.
 */
export function scriptedModelHost(real: HostLauncher, script: (request: GenerateRequest) => string): HostLauncher {
  return () => {
    const channel = real();
    const listeners: ((message: unknown) => void)[] = [];
    channel.onMessage((message) => listeners.forEach((l) => l(message)));
    const reply = (message: unknown) => setTimeout(() => listeners.forEach((l) => l(message)), 5);
    return {
      send(message) {
        if (message.type !== 'generate') {
          channel.send(message);
          return;
        }
        const text = script(message.request);
        if (message.request.jsonSchema === null)
          for (const word of text.split(/(?<= )/)) reply({ type: 'chunk', id: message.id, text: word });
        reply({
          type: 'result',
          id: message.id,
          value: { text, stopReason: 'eos', stats: { tokens: 12, tokensPerSecond: 40, firstTokenMs: 5, totalMs: 300 } },
        });
      },
      onMessage: (listener) => listeners.push(listener),
      onExit: (listener) => channel.onExit(listener),
      kill: () => channel.kill(),
    };
  };
}
