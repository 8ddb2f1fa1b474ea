import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import type { DataTopic } from '../../../src-shared/api/define';
import { createDispatcher, type Handlers } from '../../../src-main/engine/dispatcher';
import { environmentGuard } from '../../../src-main/engine/engine-context';
import { createEngine } from '../../../src-main/engine/create-engine';
import { makeTempDir } from '../temp-dir';

const AS_OF = '2026-03-01T12:00:00.000Z';
const guard = environmentGuard({ asOf: (envId) => (envId === 'demo' ? AS_OF : null) });

/** A dispatcher over the given handlers (only those the test calls), recording what it announces. */
function dispatcherWith(handlers: Partial<Handlers>) {
  const announced: { topics: readonly DataTopic[]; envId: string | null }[] = [];
  const dispatch = createDispatcher(handlers as Handlers, {
    validateOutput: true,
    resolveEnvironment: (envId) => ({ id: envId, asOf: guard(envId) }),
    announce: (topics, envId) => announced.push({ topics, envId }),
  });
  return { dispatch, announced };
}

describe('the dispatcher announces what a request declares it changes', () => {
  it('after a successful mutation, with the topics of the contract and the environment of the input', async () => {
    const { dispatch, announced } = dispatcherWith({ 'anomalies.mark': () => [] });
    expect(await dispatch('anomalies.mark', { envId: 'demo', dagId: 'd', taskId: '', mark: null })).toEqual({ ok: true, value: [] });
    expect(announced).toEqual([{ topics: ['analytics'], envId: 'demo' }]);
  });

  it('with no environment when the input names none', async () => {
    const { dispatch, announced } = dispatcherWith({ 'rules.delete': () => ({ deleted: true }) });
    await dispatch('rules.delete', { ruleId: 'r-1' });
    expect(announced).toEqual([{ topics: ['rules'], envId: null }]);
  });

  it('not after a failed mutation, nor after a query', async () => {
    const { dispatch, announced } = dispatcherWith({
      'rules.delete': () => {
        throw new ApiError('not_found', 'No such rule.');
      },
      'rules.list': () => [],
    });
    expect(await dispatch('rules.delete', { ruleId: 'r-1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('rules.list', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch('rules.delete', { ruleId: 'NOT VALID' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(announced).toEqual([]);
  });

  it('what a failed call may still have written, when it declares it (a refused action is audited)', async () => {
    const { dispatch, announced } = dispatcherWith({
      'actions.execute': () => {
        throw new ApiError('read_only', 'Read-only.');
      },
    });
    await dispatch('actions.execute', { envId: 'demo', actions: [{ kind: 'pause_dag', dagId: 'd', paused: true }], confirmation: 'demo' });
    expect(announced).toEqual([{ topics: ['audit'], envId: 'demo' }]);
  });
});

describe('an environment-scoped request', () => {
  it('reaches its handler with the environment resolved', async () => {
    const handler = vi.fn<Handlers['rules.firings']>(() => []);
    const { dispatch } = dispatcherWith({ 'rules.firings': handler });
    await dispatch('rules.firings', { envId: 'demo' });
    expect(handler).toHaveBeenCalledWith({ envId: 'demo', limit: 200 }, { env: { id: 'demo', asOf: AS_OF } });
  });

  it('with an unknown environment gets not_found without its handler running or anything announced', async () => {
    const handler = vi.fn<Handlers['anomalies.mark']>(() => []);
    const { dispatch, announced } = dispatcherWith({ 'anomalies.mark': handler });
    const result = await dispatch('anomalies.mark', { envId: 'nowhere', dagId: 'd', taskId: '', mark: null });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no environment "nowhere".', hint: 'Pick an environment from the switcher.' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(announced).toEqual([]);
  });
});

describe('the engine', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('answers an unknown environment with the error the handlers gave before', async () => {
    const t = makeTempDir();
    const engine = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false, validateOutput: true });
    cleanups.push(t.cleanup, () => engine.close());
    const missing = {
      ok: false,
      error: { code: 'not_found', message: 'There is no environment "nowhere".', hint: 'Pick an environment from the switcher.' },
    };
    expect(await engine.handle('overview.get', { envId: 'nowhere' })).toEqual(missing);
    expect(await engine.handle('sync.start', { envId: 'nowhere' })).toEqual(missing);
    expect(await engine.handle('tasks.log', { envId: 'nowhere', dagId: 'd', runId: 'r', taskId: 't', tryNumber: 1 })).toEqual(missing);
  });

  it('announces a settings change to every window', async () => {
    const t = makeTempDir();
    const engine = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demo: false });
    cleanups.push(t.cleanup, () => engine.close());
    const events: unknown[] = [];
    engine.subscribe((name, payload) => events.push({ name, payload }));
    await engine.handle('settings.update', { theme: 'dark' });
    expect(events).toEqual([{ name: 'data.changed', payload: { topics: ['settings'], envId: null } }]);
  });
});
