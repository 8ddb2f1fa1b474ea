import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { requestNames, requests, type QueryName } from '../../../src-shared/api/contract';
import { DATA_TOPICS } from '../../../src-shared/api/define';
import { JOB_CHANGES, JobKind } from '../../../src-shared/api/requests/jobs';

/** The last word of a request name says whether it writes: `incidents.pin`, `copilot.conversation.delete`. */
const WRITE_VERBS = new Set([
  ...['add', 'update', 'remove', 'delete', 'save', 'import', 'create', 'execute', 'rescore', 'cypher'],
  ...['mark', 'markRead', 'pin', 'unpin', 'note', 'load', 'unload', 'ask', 'stop', 'start', 'cancel', 'sync'],
]);
/** Requests named like writes that change nothing the app caches, and why. */
const WRITES_OUTSIDE_THE_CACHE: Readonly<Record<string, string>> = {
  'reports.save': 'writes the file the person chose; no view reads it',
};

describe('what each request reads and changes', () => {
  it('every mutation declares what it changes, and every request named like a write is one', () => {
    for (const name of requestNames) {
      const def = requests[name];
      const verb = name.split('.').at(-1) ?? '';
      if (def.kind === 'mutation') expect(def.changes.length, name).toBeGreaterThan(0);
      else expect(def.changes, name).toEqual([]);
      if (WRITE_VERBS.has(verb) && !(name in WRITES_OUTSIDE_THE_CACHE))
        expect(def.kind, `${name} writes: declare its changes`).toBe('mutation');
    }
  });

  it('names only known topics', () => {
    for (const name of requestNames) {
      const def = requests[name];
      for (const topic of [...def.reads, ...def.changes, ...def.changesOnError]) expect(DATA_TOPICS, name).toContain(topic);
    }
  });

  it('scopes to an environment only requests whose input requires one', () => {
    for (const name of requestNames) {
      const def = requests[name];
      if (def.scope !== 'environment') continue;
      expect(def.input, name).toBeInstanceOf(z.ZodObject);
      const envId = (def.input as z.ZodObject).shape.envId as z.ZodType | undefined;
      expect(envId?.safeParse(undefined).success, name).toBe(false);
    }
  });

  it('declares what each kind of job may have written when it ends', () => {
    expect(Object.keys(JOB_CHANGES).sort()).toEqual([...JobKind.options].sort());
    expect(JOB_CHANGES.sync).toEqual(expect.arrayContaining(['runs', 'task_instances']));
    expect(JOB_CHANGES.scoring).toEqual(['analytics']);
  });

  it('lets only queries be cached queries', () => {
    expectTypeOf<'runs.list'>().toExtend<QueryName>();
    expectTypeOf<'rules.save'>().not.toExtend<QueryName>();
    expectTypeOf<'settings.update'>().not.toExtend<QueryName>();
  });
});
