import { nextTheme, themeLabels } from './resolve-theme';
import type { ThemeState } from './use-theme';

function Glyph({ kind }: { kind: 'system' | 'light' | 'dark' }) {
  if (kind === 'light') {
    return (
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="3.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeLinecap="round"
        />
      </svg>
    );
  }
  if (kind === 'dark') {
    return (
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <rect x="1.5" y="2.5" width="13" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M5.5 14h5M8 11.5V14" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

/** Cycles System → Light → Dark; the label says the current choice. */
export function ThemeToggle({ theme }: { theme: ThemeState }) {
  const label = `Theme: ${themeLabels[theme.choice]}`;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={`${label} (click for ${themeLabels[nextTheme(theme.choice)]})`}
      onClick={() => theme.choose(nextTheme(theme.choice))}
    >
      <Glyph kind={theme.choice} />
    </button>
  );
}
