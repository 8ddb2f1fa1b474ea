import { readGridColors, type GridColors } from '../dag/theme-colors';

export interface LineageColors extends GridColors {
  borderStrong: string;
  faint: string;
  surfaceHover: string;
  accentSoft: string;
  badSoft: string;
}

/** The theme's colours for drawing the lineage on a canvas (light and dark alike). */
export function readLineageColors(element: Element): LineageColors {
  const style = getComputedStyle(element);
  const v = (name: string): string => style.getPropertyValue(name).trim() || '#888';
  return {
    ...readGridColors(element),
    borderStrong: v('--border-strong'),
    faint: v('--text-faint'),
    surfaceHover: v('--surface-hover'),
    accentSoft: v('--accent-soft'),
    badSoft: v('--state-bad-soft'),
  };
}
