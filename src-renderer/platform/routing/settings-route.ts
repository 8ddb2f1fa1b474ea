import { formatRoute } from './route';

/** Dialogs of the Environments section a link (the palette, the Demo banner) can open. */
export type EnvDialog = 'add' | 'import' | 'export';

export function envDialogFrom(params: Readonly<Record<string, string>>): EnvDialog | null {
  const value = params.dialog;
  return value === 'add' || value === 'import' || value === 'export' ? value : null;
}

/** `#/settings?section=environments[&dialog=add]`. */
export function envSettingsHref(dialog?: EnvDialog): string {
  return formatRoute('settings', { section: 'environments', dialog });
}
