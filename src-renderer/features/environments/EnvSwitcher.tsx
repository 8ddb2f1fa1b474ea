import { useEffect, useId, useRef, useState } from 'react';
import type { CurrentEnv } from './use-current-env';
import { EnvBadges } from './EnvBadges';
import { EnvSwatch } from './EnvSwatch';
import { WarningIcon } from './WarningIcon';
import { envSettingsHref } from '../../platform/routing/settings-route';

/** The top-bar button naming the current environment, opening a list of all of them. */
export function EnvSwitcher({ current }: { current: CurrentEnv }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const { env, envs } = current;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current !== null && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (env === null) return <div className="env-switcher muted">No environment yet</div>;

  return (
    <div className="env-switcher" ref={rootRef}>
      <button
        type="button"
        className="env-current"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Environment: ${env.name}`}
        onClick={() => setOpen((value) => !value)}
      >
        <EnvSwatch color={env.color} />
        <span className="env-name">{env.name}</span>
        <EnvBadges env={env} />
        <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" className="chevron">
          <path d="M2 3.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      {open ? (
        <ul className="env-menu" id={listId} aria-label="Environments">
          {envs.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                className="env-option"
                aria-current={candidate.id === env.id ? 'true' : undefined}
                onClick={() => {
                  current.select(candidate.id);
                  setOpen(false);
                }}
              >
                <EnvSwatch color={candidate.color} />
                <span className="env-name">{candidate.name}</span>
                <EnvBadges env={candidate} />
                {candidate.lastSyncError !== null ? <WarningIcon label={`Last sync failed: ${candidate.lastSyncError}`} /> : null}
              </button>
            </li>
          ))}
          <li className="env-menu-foot">
            <a href={envSettingsHref()} onClick={() => setOpen(false)}>
              Manage environments…
            </a>
            <a href={envSettingsHref('add')} onClick={() => setOpen(false)}>
              Add environment
            </a>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
