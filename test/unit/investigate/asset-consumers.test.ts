import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunLinks } from '../../../src-main/services/investigate/run-links';
import { generate, type Generated } from '../synth/synth-fixture';

describe("a run's page names what its DAG feeds through assets", () => {
  let g: Generated;
  beforeAll(() => {
    g = generate({ dags: 12, days: 10, seed: 20261122 });
  });
  afterAll(() => g.dispose());

  it('lists each produced asset with its consuming DAGs, and nothing for a DAG whose assets no one consumes', () => {
    const links = new RunLinks(g.db);
    const producer = g.db
      .prepare(
        "SELECT p.dag_id AS dagId, p.uri AS uri FROM asset_links p JOIN asset_links c ON c.env_id = p.env_id AND c.uri = p.uri AND c.role = 'consumer' WHERE p.env_id = 'demo' AND p.role = 'producer' LIMIT 1",
      )
      .get() as { dagId: string; uri: string };
    const consumers = g.db
      .prepare("SELECT DISTINCT dag_id FROM asset_links WHERE env_id = 'demo' AND uri = ? AND role = 'consumer' ORDER BY dag_id")
      .pluck()
      .all(producer.uri) as string[];
    expect(links.assetConsumers({ envId: 'demo', dagId: producer.dagId })).toContainEqual({ uri: producer.uri, dagIds: consumers });
    const lonely = g.db
      .prepare(
        "SELECT dag_id FROM dags WHERE env_id = 'demo' AND dag_id NOT IN (SELECT dag_id FROM asset_links WHERE env_id = 'demo' AND role = 'producer') LIMIT 1",
      )
      .pluck()
      .get() as string;
    expect(links.assetConsumers({ envId: 'demo', dagId: lonely })).toEqual([]);
  });
});
