import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { navigate } from '../../platform/routing/use-route';
import { useDebounced } from './use-debounced';
import { useFocusTrap } from '../../ui/dialog/use-focus-trap';
import { PaletteIcon } from './PaletteIcon';
import { paletteItems } from './palette-items';

const SEARCH_DELAY_MS = 150;

/** Ctrl+K: jump to a view, a DAG's runs or a run, or run a command (add, import, sync). Arrow keys move, Enter goes, Esc closes. */
export function CommandPalette({ envId, envs, onClose }: { envId: string | null; envs: readonly Environment[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  useFocusTrap(dialogRef);

  const term = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const search = useApiQuery(
    'palette.search',
    { query: term.slice(0, 200), envId: envId ?? undefined, limit: 20 },
    { enabled: term.length > 0, placeholderPrevious: true },
  );
  const hits = term.length > 0 && query.trim().length > 0 ? (search.data ?? []) : [];
  const items = useMemo(() => paletteItems(query, hits, envs), [query, hits, envs]);
  const sync = useApiMutation('sync.start');

  useEffect(() => setActive(0), [query, search.data]);

  const go = (index: number): void => {
    const item = items[index];
    if (item === undefined) return;
    onClose();
    if (item.syncEnvId !== undefined && item.syncEnvId !== null) sync.mutate({ envId: item.syncEnvId, full: false });
    if (item.href !== null) navigate(item.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => (items.length === 0 ? 0 : (index + 1) % items.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (items.length === 0 ? 0 : (index - 1 + items.length) % items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(active);
    }
  };

  const activeItem = items[active];
  return (
    <div
      className="palette-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        ref={dialogRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <input
          className="palette-input"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeItem !== undefined ? `${listId}-${active}` : undefined}
          aria-label="Search views, DAGs, runs and commands"
          placeholder="Jump to a view, DAG, run or command…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
        />
        <ul className="palette-list" id={listId} role="listbox" aria-label="Results">
          {items.map((item, index) => (
            <li
              key={item.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`palette-item${index === active ? ' is-active' : ''}`}
              data-kind={item.kind}
              onMouseMove={() => setActive(index)}
              onClick={() => go(index)}
            >
              <PaletteIcon kind={item.kind} />
              <span className="palette-label">{item.label}</span>
              <span className="palette-detail">{item.detail}</span>
            </li>
          ))}
          {items.length === 0 ? <li className="palette-empty">{search.isFetching ? 'Searching…' : 'Nothing matches.'}</li> : null}
        </ul>
        <div className="palette-footer muted">
          <span>
            <kbd>↑</kbd> <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
          {search.isFetching ? <span className="palette-busy">searching…</span> : null}
        </div>
      </div>
    </div>
  );
}
