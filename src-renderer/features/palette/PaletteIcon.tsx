import type { PaletteItem } from './palette-items';

const paths: Readonly<Record<PaletteItem['kind'], string>> = {
  view: 'M2 3h12v10H2zM2 6h12',
  dag: 'M3 3h4v3H3zM9 10h4v3H9zM5 6v2.5h6V10',
  run: 'M5 3.5v9l7-4.5z',
  task: 'M3 4h10v8H3zM5.5 8l1.7 1.7L10.5 6.3',
  pattern: 'M2.5 5h11M2.5 8h7M2.5 11h9',
  asset: 'M8 2.5l5 2.75v5.5L8 13.5l-5-2.75v-5.5zM3 5.25l5 2.75 5-2.75M8 8v5.5',
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
