import type { OrphanAssets } from '../../../../src-shared/domain/impact';
import type { EmbeddedGraph } from '../embedded-graph';

/** Assets produced but never consumed, and consumed but never produced, over every environment. */
export function orphanAssets(graph: EmbeddedGraph): OrphanAssets {
  const out: OrphanAssets = { producedNeverConsumed: [], consumedNeverProduced: [] };
  const assets = [...graph.nodesOf('Asset')].sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const asset of assets) {
    const producers = graph.inFrom(asset.key, 'PRODUCES').length;
    const consumers = graph.inFrom(asset.key, 'CONSUMES').length;
    const envIds = Array.isArray(asset.props.envIds) ? asset.props.envIds : [];
    const item = { key: asset.key, uri: String(asset.props.uri), envIds, producers, consumers };
    if (consumers === 0 && producers > 0) out.producedNeverConsumed.push(item);
    if (producers === 0 && consumers > 0) out.consumedNeverProduced.push(item);
  }
  return out;
}
