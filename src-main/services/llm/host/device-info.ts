import type { Llama } from 'node-llama-cpp';
import type { ComputeBackend, DeviceInfo } from '../../../../src-shared/domain/copilot-models';

function backendOf(llama: Llama): ComputeBackend {
  const gpu = llama.gpu;
  return gpu === 'cuda' || gpu === 'vulkan' || gpu === 'metal' ? gpu : 'cpu';
}

/** What node-llama-cpp detected, said plainly (a CPU fallback says so). */
export async function describeDevice(llama: Llama, threads: number, fallbackReason: string | null): Promise<DeviceInfo> {
  const backend = backendOf(llama);
  if (backend === 'cpu') {
    return {
      backend,
      gpuNames: [],
      vramTotalBytes: null,
      vramFreeBytes: null,
      threads,
      note: `CPU, ${threads} threads (${fallbackReason ?? 'no supported GPU found'})`,
    };
  }
  const [names, vram] = await Promise.all([llama.getGpuDeviceNames(), llama.getVramState()]);
  return {
    backend,
    gpuNames: names,
    vramTotalBytes: vram.total,
    vramFreeBytes: vram.free,
    threads,
    note: `${backend.toUpperCase()} on ${names.join(', ') || 'GPU'}`,
  };
}
