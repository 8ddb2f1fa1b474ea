import type { PaletteItem } from './palette-items';

const paths: Readonly<Record<PaletteItem['kind'], string>> = {
  view: 'M2 3h12v10H2zM2 6h12',
  dag: 'M3 3h4v3H3zM9 10h4v3H9zM5 6v2.5h6V10',
  run: 'M5 3.5v9l7-4.5z',
  command: 'M2.5 4l4 4-4 4M8 12.5h5.5',
};

export function PaletteIcon({ kind }: { kind: PaletteItem['kind'] }) {
  return (
    <span className={`palette-kind kind-${kind}`} aria-hidden="true">
      <svg viewBox="0 0 16 16" width="14" height="14">
        <path d={paths[kind]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
    </span>
  );
}
