import type { LineageLayout } from './layout-graph';
import { Minimap } from './Minimap';
import { MINIMAP_MIN_NODES } from './render-mode';
import type { TransformFeed } from './transform-feed';
import type { ZoomControls } from './use-zoom';

/** What floats over the drawing: the Fit button and, on large graphs, the minimap. */
export function StageControls({ layout, zoomer, feed }: { layout: LineageLayout; zoomer: ZoomControls; feed: TransformFeed }) {
  return (
    <>
      {layout.nodes.length >= MINIMAP_MIN_NODES ? <Minimap layout={layout} feed={feed} onMove={zoomer.moveTo} /> : null}
      <div className="lineage-zoom-buttons">
        <button type="button" className="button button-small" onClick={zoomer.fit}>
          Fit
        </button>
      </div>
    </>
  );
}
