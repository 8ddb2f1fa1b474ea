import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Theme, UiSettings } from '../../../src-shared/api/requests/app';
import { useApiMutation } from '../api/use-api-mutation';
import { useApiQuery } from '../api/use-api-query';
import { resolveTheme, type AppliedTheme } from './resolve-theme';
import { useSystemDark } from './use-system-dark';

export interface ThemeState {
  choice: Theme;
  applied: AppliedTheme;
  choose(theme: Theme): void;
}

/** The saved theme choice, applied to <html data-theme>; choosing saves through `settings.update`. */
export function useTheme(): ThemeState {
  const settings = useApiQuery('settings.get', {});
  const update = useApiMutation('settings.update');
  const client = useQueryClient();
  const systemDark = useSystemDark();
  const choice = settings.data?.theme ?? 'system';
  const applied = resolveTheme(choice, systemDark);

  useEffect(() => {
    document.documentElement.dataset.theme = applied;
    document.documentElement.style.colorScheme = applied;
  }, [applied]);

  const { mutate } = update;
  const choose = (theme: Theme): void => {
    // Apply at once; the saved settings come back through the mutation.
    client.setQueryData<UiSettings>(['settings.get', {}], (previous) => (previous ? { ...previous, theme } : previous));
    mutate({ theme });
  };
  return { choice, applied, choose };
}
