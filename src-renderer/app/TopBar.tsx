import { EnvSwitcher } from '../features/environments/EnvSwitcher';
import type { CurrentEnv } from '../features/environments/use-current-env';
import { ThemeToggle } from '../platform/theme/ThemeToggle';
import type { ThemeState } from '../platform/theme/use-theme';

export function TopBar({ current, theme, onOpenPalette }: { current: CurrentEnv; theme: ThemeState; onOpenPalette: () => void }) {
  const isMac = navigator.platform.toLowerCase().includes('mac');
  return (
    <header className="top-bar">
      <div className="brand">
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <circle cx="10" cy="10" r="8" fill="none" stroke="var(--accent)" strokeWidth="2" />
          <circle cx="10" cy="10" r="3" fill="var(--accent)" />
        </svg>
        <span>ORC AI Desk</span>
      </div>
      <EnvSwitcher current={current} />
      <div className="top-bar-spacer" />
      <button type="button" className="palette-trigger" onClick={onOpenPalette} aria-label="Open command palette">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span>Search DAGs, runs, views…</span>
        <kbd>{isMac ? '⌘' : 'Ctrl'} K</kbd>
      </button>
      <ThemeToggle theme={theme} />
    </header>
  );
}
