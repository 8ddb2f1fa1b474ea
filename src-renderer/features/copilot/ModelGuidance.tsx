import '../../styles/model-guidance.css';
import { MODEL_GUIDANCE, type ModelGuidance as Guidance } from '../../../src-shared/domain/model-guidance';
import { guidanceRows } from './model-guidance-rows';

/**
 * Which model sizes answer how well at what speed, as `npm run eval:copilot` measured them
 * (the date and machine are shown with them: another machine answers at another speed).
 */
export function ModelGuidance({ currentFile, guidance = MODEL_GUIDANCE }: { currentFile: string | null; guidance?: Guidance }) {
  const rows = guidanceRows(guidance, currentFile);
  if (rows.length === 0) return null;
  return (
    <section className="model-guidance" aria-label="How models answered in the eval">
      <h3 className="section-title">How models answered in the eval</h3>
      <p className="copilot-muted model-guidance-where">
        Measured {guidance.measuredAt} on {guidance.machine}, by <code>{guidance.command}</code>.
      </p>
      <table className="model-guidance-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" title="Answerable questions whose answer named the right run, task or cause and nothing wrong">
              Right
            </th>
            <th scope="col" title="The same on open questions such as 'what should I look at first today?'">
              Open questions
            </th>
            <th scope="col" title="The failure brief alone, no model, on the same questions">
              Brief alone
            </th>
            <th scope="col" title="Ids not in the data shown to the user as fact">
              Invented ids shown
            </th>
            <th scope="col" title="Questions the data cannot answer, answered with 'not found'">
              Says not found
            </th>
            <th scope="col">Time per answer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.file} data-current={r.current}>
              <th scope="row">
                {r.size} <span className="copilot-muted">{r.file}</span>
              </th>
              <td>{r.right}</td>
              <td>{r.open}</td>
              <td>{r.briefAlone}</td>
              <td>{r.hallucinated}</td>
              <td>{r.abstained}</td>
              <td>{r.speed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {guidance.notMeasured !== null ? <p className="copilot-muted">{guidance.notMeasured}</p> : null}
    </section>
  );
}
