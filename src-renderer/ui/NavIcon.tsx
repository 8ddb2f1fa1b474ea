import type { ViewId } from '../platform/routing/views';

const icons: Readonly<Record<ViewId, string>> = {
  overview: 'M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z',
  dags: 'M3 3h4v3H3zM9 10h4v3H9zM5 6v2.5h6V10',
  runs: 'M2 4h12M2 8h12M2 12h8',
  fleet: 'M1.5 13.5h13M3 13.5V8h2.5v5.5M7 13.5V4h2.5v9.5M11 13.5V6.5h2.5v7',
  timeline: 'M1.5 3.5h6M4 7.5h8M2.5 11.5h5M9 11.5h5',
  run: 'M2 4h6M4 8h7M7 12h7',
  brief: 'M8 1.5l6.5 12h-13zM8 6v3.5M8 11.5v.5',
  task: 'M3 2.5h10v11H3zM5.5 6h5M5.5 9h5',
  dag: 'M2 2.5h12v11H2zM2 6.5h12M2 10h12M6 2.5v11M10 2.5v11',
  compare: 'M5 2v12M11 2v12M2 6h6M8 10h6',
  environment: 'M1.5 8h3l1.5-4 3 8 1.5-4h4',
  anomalies: 'M1.5 11l3-4 3 2.5 3-6 4 7.5',
  lineage: 'M3 8h3M10 4h3M10 12h3M6 8l4-4M6 8l4 4',
  graph:
    'M4 4m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M12 5m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M7 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M6 4.4l4 .4M5 5.8l1.4 4.4M10.8 6.6l-2.6 3.8',
  copilot: 'M2.5 3h11v7.5H7L4 13v-2.5H2.5z',
  reports: 'M4 1.5h6l2.5 2.5v10.5h-8.5zM6 7h4.5M6 9.5h4.5M6 12h3',
  settings: 'M8 5.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3',
};

export function NavIcon({ view }: { view: ViewId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={icons[view]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
