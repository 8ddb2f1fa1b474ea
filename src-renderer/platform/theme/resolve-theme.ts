import type { Theme } from '../../../src-shared/api/requests/app';

export type AppliedTheme = 'light' | 'dark';

export function resolveTheme(choice: Theme, systemPrefersDark: boolean): AppliedTheme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/** System → Light → Dark → System. */
export function nextTheme(choice: Theme): Theme {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}

export const themeLabels: Readonly<Record<Theme, string>> = { system: 'System', light: 'Light', dark: 'Dark' };
