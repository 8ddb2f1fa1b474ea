import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { formatAbsolute } from '../../platform/time/format-relative';
import { appLink } from '../../platform/routing/incident-links';

/** The incident's timeline, built by the back end from the pins, the notes and the synced history. */
export function IncidentTimeline({ incidentId }: { incidentId: string }) {
  const timeline = useApiQuery('incidents.timeline', { incidentId });
  return (
    <section aria-label="Timeline" className="incident-timeline">
      <h3 className="section-title">Timeline · {timeline.data?.length ?? 0}</h3>
      {timeline.error !== null ? <ErrorPanel error={timeline.error} title="The timeline could not be built" /> : null}
      {timeline.data === undefined && timeline.error === null ? <Loading label="Building the timeline…" /> : null}
      <ol>
        {(timeline.data ?? []).map((e, n) => {
          const href = appLink(e.route);
          return (
            <li key={n} className={`tl-entry tl-${e.kind}`}>
              <span className="tl-when mono">{formatAbsolute(e.at)}</span>
              <span className="tl-kind">{e.kind.replace(/_/g, ' ')}</span>
              <span className="tl-text">{href !== undefined ? <a href={href}>{e.text}</a> : e.text}</span>
              <span className="tl-source muted">{e.source}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
