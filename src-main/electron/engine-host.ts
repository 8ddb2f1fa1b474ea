/**
 * Entry of the engine utility process: the cache, sync and every service run
 * here, off the main thread. Speaks {type:'call', id, name, input} →
 * {type:'result', id, result} over process.parentPort and forwards events.
 */
import type {} from 'electron';
import { createEngine } from '../engine/create-engine';
import { secureDataDir } from '../platform/data-dir-permissions';
import type { Engine } from '../engine/engine';
import { isToEngine, parseEngineHostArgv, type FromEngine } from './engine-messages';
import { RemoteSafeStorageCipher } from './remote-cipher';
import { RemotePdfRenderer } from './remote-pdf';

const port = process.parentPort;
const args = parseEngineHostArgv(process.argv);
const cipher = new RemoteSafeStorageCipher((message) => post(message));
const pdf = new RemotePdfRenderer((message) => post(message));

function post(message: FromEngine): void {
  port.postMessage(message);
}

function log(message: string): void {
  process.stderr.write(`[engine] ${message}\n`);
}

async function boot(): Promise<Engine> {
  if (args === null) throw new Error('engine host started without --data-dir and --app-version');
  // userData: 0700, its files 0600, checked before the engine opens anything and again for the files it created.
  const repairs = [...secureDataDir(args.dataDir)];
  const engine = await createEngine({ dataDir: args.dataDir, mode: 'electron', version: args.version, log, cipher, pdf });
  repairs.push(...secureDataDir(args.dataDir));
  for (const r of repairs) log(`${r.path} was readable by others (mode ${r.from.toString(8)}); now ${r.to.toString(8)}.`);
  engine.subscribe((event, payload) => post({ type: 'event', event, payload }));
  post({ type: 'ready' });
  return engine;
}

const enginePromise = boot();
enginePromise.catch((error: unknown) => {
  log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

port.on('message', ({ data }) => {
  if (!isToEngine(data)) return;
  if (data.type === 'cipher-result') {
    cipher.settle(data.id, data.ok, data.data);
    return;
  }
  if (data.type === 'pdf-result') {
    pdf.settle(data.id, data.ok, data.data);
    return;
  }
  if (data.type === 'close') {
    void enginePromise.then((engine) => engine.close()).finally(() => process.exit(0));
    return;
  }
  void enginePromise.then(async (engine) => {
    const result = await engine.handle(data.name, data.input);
    try {
      post({ type: 'result', id: data.id, result });
    } catch {
      post({
        type: 'result',
        id: data.id,
        result: { ok: false, error: { code: 'internal', message: `${data.name} returned a value that cannot be sent.` } },
      });
    }
  });
});
