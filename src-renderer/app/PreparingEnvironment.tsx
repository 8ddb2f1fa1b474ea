import { JobsStatus } from '../features/jobs/JobsStatus';

/** No environment yet: the engine is building the Demo on first launch. */
export function PreparingEnvironment() {
  return (
    <div className="page">
      <div className="empty-state">
        <span className="spinner" aria-hidden="true" />
        <h1>Preparing the Demo environment</h1>
        <p>
          On first launch ORC AI Desk generates a synthetic Airflow history on this machine so every view has something to show. This takes
          a few seconds.
        </p>
        <JobsStatus />
      </div>
    </div>
  );
}
