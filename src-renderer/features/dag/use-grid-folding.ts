import { useCallback, useState } from 'react';
import { noFolding, type GridFolding } from './grid-rows';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function read(key: string): GridFolding {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (typeof value !== 'object' || value === null) return noFolding;
    const record = value as Record<string, unknown>;
    return { collapsedGroups: strings(record.collapsedGroups), expandedMapped: strings(record.expandedMapped) };
  } catch {
    return noFolding;
  }
}

/** Which groups are collapsed and which mapped tasks expanded in one DAG's grid; kept for the tab's session, so it survives navigation. */
export function useGridFolding(envId: string, dagId: string): [GridFolding, (next: GridFolding) => void] {
  const key = `orc.grid-folding/${envId}/${dagId}`;
  const [state, setState] = useState(() => ({ key, folding: read(key) }));
  const folding = state.key === key ? state.folding : read(key);
  const update = useCallback(
    (next: GridFolding) => {
      setState({ key, folding: next });
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused: the folding still holds for this page.
      }
    },
    [key],
  );
  return [folding, update];
}
