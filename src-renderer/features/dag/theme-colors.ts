import type { StateLook } from '../../ui/states/state-look';

export type Tone = StateLook['tone'];

export interface GridColors {
  tone: Readonly<Record<Tone, string>>;
  ink: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  surface2: string;
  accent: string;
  focus: string;
}

/** The theme's colours as the canvas needs them (read from the CSS variables, so light and dark both work). */
export function readGridColors(element: Element): GridColors {
  const style = getComputedStyle(element);
  const v = (name: string): string => style.getPropertyValue(name).trim() || '#888';
  return {
    tone: {
      ok: v('--state-ok'),
      bad: v('--state-bad'),
      active: v('--state-active'),
      waiting: v('--state-waiting'),
      warn: v('--state-warn'),
      neutral: v('--state-neutral'),
    },
    ink: v('--state-icon-ink'),
    text: v('--text'),
    muted: v('--text-muted'),
    border: v('--border'),
    surface: v('--surface'),
    surface2: v('--surface-2'),
    accent: v('--accent'),
    focus: v('--focus'),
  };
}
