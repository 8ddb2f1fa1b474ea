import { useState } from 'react';
import { formatRoute } from '../platform/routing/route';

const DISMISSED_KEY = 'orc.demoBannerDismissed';

/** Says plainly that the Demo's history is made up; can be hidden for this session. */
export function DemoBanner() {
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED_KEY) === '1');
  if (dismissed) return null;
  return (
    <div className="demo-banner" role="note">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8 7v4.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        <circle cx="8" cy="4.9" r="0.9" fill="currentColor" />
      </svg>
      <span>
        Demo environment — synthetic Airflow history generated on this machine. Connect a real Airflow in{' '}
        <a href={formatRoute('settings')}>Settings</a>.
      </span>
      <button
        type="button"
        className="icon-button banner-close"
        aria-label="Dismiss demo banner"
        onClick={() => {
          sessionStorage.setItem(DISMISSED_KEY, '1');
          setDismissed(true);
        }}
      >
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
