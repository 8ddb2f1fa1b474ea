import { MessageChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRpc } from '../../../src-main/platform/rpc/rpc-contract';
import { connectRpc, RpcError } from '../../../src-main/platform/rpc/rpc-peer';
import { messagePortPort } from '../../../src-main/platform/rpc/rpc-port';
import { scoringHost, scoringHostEntry } from '../../../src-main/services/analytics/scoring-host/scoring-host-backend';
import { AS_OF, generate } from '../synth/synth-fixture';

const counter = defineRpc({
  count: { input: z.object({ to: z.number().int().min(0).max(100) }), output: z.number(), progress: z.object({ at: z.number() }) },
  broken: { input: z.object({}), output: z.string() },
  record: { input: z.object({ note: z.string() }), output: z.undefined() },
});

describe('typed RPC over a real MessageChannel', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const c of channels.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
  });

  function pair() {
    const channel = new MessageChannel();
    channels.push(channel);
    const notes: string[] = [];
    connectRpc(messagePortPort(channel.port2), {
      remote: {},
      serve: {
        contract: counter,
        handlers: {
          count: ({ to }, { progress }) => {
            for (let at = 1; at <= to; at++) progress({ at });
            return to;
          },
          broken: () => 42 as unknown as string,
          record: ({ note }) => {
            notes.push(note);
            return undefined;
          },
        },
      },
    });
    return { client: connectRpc(messagePortPort(channel.port1), { remote: counter }), notes, channel };
  }

  it('answers a call with its progress first, then the validated result', async () => {
    const { client } = pair();
    const seen: number[] = [];
    await expect(client.call('count', { to: 3 }, { onProgress: (p) => seen.push(p.at) })).resolves.toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses input the contract does not allow, on the side that runs the method, with a message', async () => {
    const { client } = pair();
    const refused = client.call('count', { to: -1 });
    await expect(refused).rejects.toBeInstanceOf(RpcError);
    await expect(refused).rejects.toThrow(/greater than or equal to 0|>=0/);
  });

  it('rejects an answer that does not match the contract instead of passing it on', async () => {
    const { client } = pair();
    await expect(client.call('broken', {})).rejects.toThrow('The answer to broken did not match its contract.');
  });

  it('runs a notification without an answer, and ignores messages that are not the RPC’s', async () => {
    const { client, notes, channel } = pair();
    channel.port1.postMessage({ type: 'legacy', id: 1 });
    client.notify('record', { note: 'one' });
    await expect(client.call('count', { to: 0 })).resolves.toBe(0);
    expect(notes).toEqual(['one']);
  });

  it('fails the calls still waiting when the connection closes', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const client = connectRpc(messagePortPort(channel.port1), { remote: counter }); // nobody answers on port2
    const pending = client.call('count', { to: 1 });
    client.close(new Error('The other side stopped.'));
    await expect(pending).rejects.toThrow('The other side stopped.');
  });
});

describe('the scoring host answers through the RPC from its own process', () => {
  it('scores an environment with progress, and closing the host mid-pass fails the pass with a message instead of hanging', async () => {
    const g = generate({ dags: 6, days: 20, seed: 7 });
    const entry = scoringHostEntry();
    expect(entry).not.toBeNull();
    const host = scoringHost(join(g.db.name), entry!);
    try {
      const progress: number[] = [];
      const output = await host.score('demo', AS_OF, true, (done) => progress.push(done));
      expect(output.asOfMs).toBe(Date.parse(AS_OF));
      expect(output.findings.length).toBeGreaterThan(0);
      expect(progress.length).toBeGreaterThan(0);

      const second = host.score('demo', AS_OF, true, () => undefined);
      host.close();
      await expect(second).rejects.toThrow('The engine is closing.');
    } finally {
      host.close();
      g.dispose();
    }
  }, 60_000);
});
