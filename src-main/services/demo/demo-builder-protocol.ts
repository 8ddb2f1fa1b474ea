/** What the Demo builder process tells the engine. */
export type FromDemoBuilder =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };
