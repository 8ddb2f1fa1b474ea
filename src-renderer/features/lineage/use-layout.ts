import { useEffect, useMemo, useRef, useState } from 'react';
import { layoutGraph, type LineageLayout } from './layout-graph';
import type { LayoutReply, LayoutRequest } from './layout.worker';
import type { ViewGraph } from './view-graph';

/** Up to this size the layout takes a few milliseconds and runs in place; past it, dagre alone can take seconds. */
const INLINE_MAX_NODES = 20;
const INLINE_MAX_EDGES = 40;
/** A User Timing measure of each worker layout (asked to answered), read by the lineage browser bench. */
const LAYOUT_MEASURE = 'orc:lineage-layout';

export function layoutsInline(graph: ViewGraph): boolean {
  return graph.nodes.length <= INLINE_MAX_NODES && graph.edges.length <= INLINE_MAX_EDGES;
}

/**
 * The layout of a graph: small ones at once, larger ones in a Web Worker so the
 * UI never freezes. While a new layout is under way the last one stays shown
 * and `pending` is true.
 */
export function useLayout(graph: ViewGraph | null): { layout: LineageLayout | null; pending: boolean } {
  const inline = useMemo(() => (graph !== null && layoutsInline(graph) ? layoutGraph(graph.nodes, graph.edges) : null), [graph]);
  const [fromWorker, setFromWorker] = useState<{ graph: ViewGraph; layout: LineageLayout } | null>(null);
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  useEffect(() => {
    if (graph === null || layoutsInline(graph)) return;
    const id = (asked.current += 1);
    const done = (layout: LineageLayout): void => {
      if (id !== asked.current) return;
      performance.measure(LAYOUT_MEASURE, `${LAYOUT_MEASURE}:${id}`);
      setFromWorker({ graph, layout });
    };
    performance.mark(`${LAYOUT_MEASURE}:${id}`);
    try {
      worker.current ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (event: MessageEvent<LayoutReply>) => event.data.id === id && done(event.data.layout);
      worker.current.onerror = () => done(layoutGraph(graph.nodes, graph.edges));
      worker.current.postMessage({ id, graph } satisfies LayoutRequest);
    } catch {
      // No worker here (a test page, a locked-down browser): lay out after this frame instead.
      const timer = setTimeout(() => done(layoutGraph(graph.nodes, graph.edges)), 0);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [graph]);

  if (graph === null) return { layout: null, pending: false };
  if (inline !== null) return { layout: inline, pending: false };
  return { layout: fromWorker?.layout ?? null, pending: fromWorker?.graph !== graph };
}
