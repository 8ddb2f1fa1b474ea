import { describe, expect, it } from 'vitest';
import { resolveEnvironmentParam } from '../../../src-main/services/graph/queries/environment-param';
import { readParams } from '../../../src-main/services/graph/queries/read-params';
import { savedQuery } from '../../../src-main/services/graph/queries/saved-queries';

const envs = [
  { id: 'demo', name: 'Demo' },
  { id: 'prod-eu', name: 'Prod EU' },
];

describe('saved query inputs as a person types them', () => {
  it('takes an environment by id or by name, and names the ones there are when neither matches', () => {
    expect(resolveEnvironmentParam('demo', envs)).toBe('demo');
    expect(resolveEnvironmentParam('Demo', envs)).toBe('demo');
    expect(resolveEnvironmentParam(' prod eu ', envs)).toBe('prod-eu');
    expect(() => resolveEnvironmentParam('staging', envs)).toThrow('There is no environment "staging"');
    try {
      resolveEnvironmentParam('staging', envs);
    } catch (error) {
      expect((error as { hint?: string }).hint).toContain('Demo (demo), Prod EU (prod-eu)');
    }
  });

  it('follows the whole walk by default, and says the range of a depth that is not a whole number in it', () => {
    const def = savedQuery('downstream-of-task');
    const values = readParams(def.params, { envId: 'demo', dagId: 'd', taskId: 't' }, {});
    expect(values.depth).toBe(8);
    for (const bad of ['abc', '-1', '999999', '2.5', 0]) {
      expect(() => readParams(def.params, { envId: 'demo', dagId: 'd', taskId: 't', depth: bad }, {}), String(bad)).toThrow(
        /"depth" must be a whole number from 1 to 8, not "/,
      );
    }
    expect(readParams(def.params, { envId: 'demo', dagId: 'd', taskId: 't', depth: ' 3 ' }, {}).depth).toBe(3);
  });
});
