import { useCallback, useState } from 'react';
import { useLiveInvalidation } from '../api/use-live-invalidation';
import { useCurrentEnv } from '../environments/use-current-env';
import { CommandPalette } from '../palette/CommandPalette';
import { usePaletteShortcut } from '../palette/use-palette-shortcut';
import { NotificationToasts } from '../rules/NotificationToasts';
import { useRoute } from '../routing/use-route';
import { useTheme } from '../theme/use-theme';
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
