import { useCallback, useState } from 'react';
import { NO_FOLDS, type FoldState } from './fold-state';

/** Folds per scope, kept for the session so leaving the view and coming back finds them as they were. */
const remembered = new Map<string, FoldState>();

export function useFoldState(scopeId: string): [FoldState, (next: FoldState) => void] {
  const [, rerender] = useState(0);
  const state = remembered.get(scopeId) ?? NO_FOLDS;
  const set = useCallback(
    (next: FoldState) => {
      remembered.set(scopeId, next);
      rerender((n) => n + 1);
    },
    [scopeId],
  );
  return [state, set];
}
