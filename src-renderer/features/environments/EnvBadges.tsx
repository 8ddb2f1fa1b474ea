import type { Environment } from '../../../src-shared/domain/environment';

/** Colour swatch is drawn by the caller; these are the words that matter when acting on an environment. */
export function EnvBadges({ env }: { env: Environment }) {
  return (
    <>
      {env.synthetic ? <span className="badge badge-synthetic">synthetic</span> : null}
      {env.readOnly ? <span className="badge badge-readonly">read-only</span> : null}
      {env.airflowVersion !== null ? <span className="badge badge-version">Airflow {env.airflowVersion}</span> : null}
    </>
  );
}
