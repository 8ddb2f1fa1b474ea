import { layoutGraph, type LineageLayout } from './layout-graph';
import type { ViewGraph } from './view-graph';

export interface LayoutRequest {
  id: number;
  graph: ViewGraph;
}

export interface LayoutReply {
  id: number;
  layout: LineageLayout;
}

/** The worker's side: lays out each graph it is sent (dagre or the layered layout) off the UI thread. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(reply: LayoutReply): void;
};
scope.onmessage = (event) => {
  const { id, graph } = event.data;
  scope.postMessage({ id, layout: layoutGraph(graph.nodes, graph.edges) });
};
