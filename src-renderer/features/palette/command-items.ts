import type { Environment } from '../../../src-shared/domain/environment';
import { envSettingsHref } from '../../platform/routing/settings-route';
import type { PaletteItem } from './palette-items';

/** Whether every word of the query is in the label. */
function matches(label: string, query: string): boolean {
  const words = query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const haystack = label.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Environment commands: add, import, export, and "Sync <env>" for each real environment. */
export function commandItems(query: string, envs: readonly Environment[]): PaletteItem[] {
  const all: PaletteItem[] = [
    {
      key: 'cmd:add-env',
      kind: 'command',
      label: 'Add environment',
      detail: 'Settings → Environments',
      href: envSettingsHref('add'),
      syncEnvId: null,
    },
    {
      key: 'cmd:import-envs',
      kind: 'command',
      label: 'Import environments',
      detail: 'From a YAML or JSON file',
      href: envSettingsHref('import'),
      syncEnvId: null,
    },
    {
      key: 'cmd:export-envs',
      kind: 'command',
      label: 'Export environments',
      detail: 'As YAML or JSON, without secrets',
      href: envSettingsHref('export'),
      syncEnvId: null,
    },
    ...envs
      .filter((env) => !env.synthetic)
      .map(
        (env): PaletteItem => ({
          key: `cmd:sync:${env.id}`,
          kind: 'command',
          label: `Sync ${env.name}`,
          detail: 'Start a sync now',
          href: null,
          syncEnvId: env.id,
        }),
      ),
  ];
  return all.filter((item) => matches(item.label, query));
}
