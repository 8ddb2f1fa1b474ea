import { useCallback, useState } from 'react';
import { useLiveInvalidation } from '../platform/api/use-live-invalidation';
import { useCurrentEnv } from '../features/environments/use-current-env';
import { CommandPalette } from '../features/palette/CommandPalette';
import { usePaletteShortcut } from '../features/palette/use-palette-shortcut';
import { NotificationToasts } from '../features/rules/NotificationToasts';
import { useRoute } from '../platform/routing/use-route';
import { useTheme } from '../platform/theme/use-theme';
import { DemoBanner } from './DemoBanner';
import { PageSwitch } from './PageSwitch';
import { SideNav } from './SideNav';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

/** Top bar, navigation, the page, the status bar, and the palette over them. */
export function AppFrame() {
  useLiveInvalidation();
  const route = useRoute();
  const theme = useTheme();
  const current = useCurrentEnv();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const togglePalette = useCallback(() => setPaletteOpen((open) => !open), []);
  usePaletteShortcut(togglePalette);

  return (
    <div className="app-frame">
      <TopBar current={current} theme={theme} onOpenPalette={() => setPaletteOpen(true)} />
      <SideNav active={route.view} />
      <main className="app-main" id="main">
        {current.env?.synthetic === true ? <DemoBanner /> : null}
        <PageSwitch route={route} current={current} theme={theme} />
      </main>
      <StatusBar envs={current.envs} />
      <NotificationToasts />
      {paletteOpen ? <CommandPalette envId={current.env?.id ?? null} envs={current.envs} onClose={() => setPaletteOpen(false)} /> : null}
    </div>
  );
}
