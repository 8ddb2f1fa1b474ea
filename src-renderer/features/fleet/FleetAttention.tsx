import type { Environment } from '../../../src-shared/domain/environment';
import { OpenFindings } from '../findings/OpenFindings';
import { NewestFailures } from '../overview/NewestFailures';

/** What needs attention now across the environments in scope: newest failures and open findings, each one click from its brief. */
export function FleetAttention({ envs, nowMsOf }: { envs: readonly Environment[]; nowMsOf: (env: Environment) => number }) {
  return (
    <section className="fleet-attention" aria-label="Needs attention now">
      <h2 className="section-title">Needs attention now</h2>
      {envs.map((env) => (
        <div className="attention-now" key={env.id}>
          <NewestFailures env={env} nowMs={nowMsOf(env)} showEnv />
          <OpenFindings env={env} nowMs={nowMsOf(env)} showEnv />
        </div>
      ))}
    </section>
  );
}
