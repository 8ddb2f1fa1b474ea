import type { Size, ViewTransform } from './minimap-geometry';

export interface ViewState {
  transform: ViewTransform;
  viewport: Size;
}

/** The drawing's current zoom transform, for the minimap to follow without re-rendering the drawing. */
export class TransformFeed {
  private state: ViewState = { transform: { x: 0, y: 0, k: 1 }, viewport: { width: 0, height: 0 } };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): ViewState => this.state;

  set(transform: ViewTransform, viewport: Size): void {
    this.state = { transform: { x: transform.x, y: transform.y, k: transform.k }, viewport };
    for (const l of this.listeners) l();
  }
}
