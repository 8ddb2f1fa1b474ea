import { html, trusted, type SafeHtml } from './html-escape';
import { REPORT_CSS } from './report-css';
import { SECTION_TITLES, type ReportModel } from './report-model';
import { anomalyChartSvg, durationChartSvg } from './svg-charts';

/** No script, no request of any kind: only inline style and data: images may load. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

const when = (iso: string | null): string => (iso === null ? '—' : `${iso.slice(0, 16).replace('T', ' ')}`);

function section(id: keyof typeof SECTION_TITLES, body: SafeHtml | readonly SafeHtml[], empty: boolean, emptyText: string): SafeHtml {
  return html`<section id="${id}">
    <h2>${SECTION_TITLES[id]}</h2>
    ${empty ? html`<p class="empty">${emptyText}</p>` : body}
  </section>`;
}

function timeline(m: ReportModel): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th style="width:27mm">When (UTC)</th>
        <th style="width:25mm">What</th>
        <th>Detail</th>
        <th style="width:18mm">Source</th>
      </tr>
    </thead>
    <tbody>
      ${m.timeline.map(
        (e) =>
          html`<tr>
            <td class="when">${when(e.at)}</td>
            <td><span class="kind ${e.kind}">${e.kind.replace(/_/g, ' ')}</span></td>
            <td>${e.text}</td>
            <td class="when">${e.source}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function affected(m: ReportModel): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th>DAG</th>
        <th class="num">Runs</th>
        <th class="num">Failed</th>
        <th style="width:27mm">Last failure</th>
        <th>Downstream (DAGs and assets)</th>
      </tr>
    </thead>
    <tbody>
      ${m.affectedDags.map(
        (d) =>
          html`<tr>
            <td class="mono">${d.dagId}</td>
            <td class="num">${d.runs}</td>
            <td class="num">${d.failedRuns}</td>
            <td class="when">${when(d.lastFailureAt)}</td>
            <td class="downstream">
              ${d.downstream.length === 0
                ? 'nothing downstream'
                : html`${d.downstream.map(
                    (i, n) =>
                      html`${n > 0 ? ', ' : ''}<span class="mono">${i.name}</span> (${i.label === 'Dag' ? 'DAG' : 'asset'}${i.envId !==
                          null && i.envId !== m.env.id
                          ? ` in ${i.envId}`
                          : ''})`,
                  )}${d.downstreamMore > 0 ? ` and ${d.downstreamMore} more` : ''}`}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function charts(m: ReportModel): SafeHtml {
  return html`<p class="legend">
      <i style="background:#cfdcfb"></i>p10–p90 of successful runs<i style="background:#2f5bd3"></i>median<i
        style="background:#6b7a8c;border-radius:50%"
      ></i
      >run<i style="background:#c2352b;border-radius:50%"></i>failed run
    </p>
    ${m.durationCharts.map(
      (c) =>
        html`<div class="chart-card">
          <h3><span class="mono">${c.dagId}</span></h3>
          ${durationChartSvg(c)}
        </div>`,
    )}`;
}

function anomalies(m: ReportModel): SafeHtml {
  const table = html`<table>
    <thead>
      <tr>
        <th style="width:17mm">Severity</th>
        <th style="width:38%">Anomaly</th>
        <th>Expected</th>
        <th>Observed</th>
        <th style="width:27mm">Starts</th>
      </tr>
    </thead>
    <tbody>
      ${m.anomalies.map(
        (a) =>
          html`<tr>
            <td>
              <span class="pill ${a.severity === 'critical' || a.severity === 'high' ? 'bad' : a.severity === 'medium' ? 'warn' : ''}"
                >${a.severity}</span
              >
            </td>
            <td>
              ${a.title}${a.occurrences > 1 ? html` <span class="pill">×${a.occurrences}</span>` : ''}<br /><span class="downstream mono"
                >${a.dagId}${a.taskId !== null ? ` › ${a.taskId}` : ''}</span
              >
            </td>
            <td>${a.expected}</td>
            <td>${a.observed}</td>
            <td class="when">${when(a.startsAt)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  const bands = m.anomalyCharts.map(
    (c) =>
      html`<div class="chart-card">
        <h3>${c.anomaly.title}</h3>
        <p class="legend">
          <i style="background:#cfdcfb"></i>expected range<i style="background:#2f5bd3"></i>baseline<i style="background:#39424e"></i
          >observed<i style="background:#c2352b;border-radius:50%"></i>anomalous${c.unit !== 's' && c.unit !== ''
            ? ` · values in ${c.unit}`
            : ''}
        </p>
        ${anomalyChartSvg(c.anomaly.title, c.series, c.unit)}
      </div>`,
  );
  return html`${table}${bands}`;
}

function patterns(m: ReportModel): SafeHtml {
  return html`${m.errorPatterns.map(
    (p) =>
      html`<h3>
          ${p.exception || 'Error'} <span class="pill">${p.count} failures</span>${p.isNew ? html` <span class="pill warn">new</span>` : ''}
        </h3>
        <p class="downstream">First seen ${when(p.firstSeen)}, last seen ${when(p.lastSeen)} UTC. Template: <code>${p.template}</code></p>
        ${p.samples.length > 0
          ? html`<pre>${p.samples.map((s) => `${s.dagId} › ${s.taskId} (${s.runId})\n  ${s.line}`).join('\n')}</pre>`
          : ''}`,
  )}`;
}

function actions(m: ReportModel): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th style="width:27mm">When (UTC)</th>
        <th>Who</th>
        <th>Action</th>
        <th>Targets</th>
        <th>Result</th>
      </tr>
    </thead>
    <tbody>
      ${m.actions.map(
        (a) =>
          html`<tr>
            <td class="when">${when(a.at)}</td>
            <td>${a.osUser}</td>
            <td>${a.action.replace(/_/g, ' ')}</td>
            <td class="mono">${a.targets.join(', ')}</td>
            <td><span class="pill ${a.result === 'succeeded' ? 'good' : 'bad'}">${a.result}</span> ${a.message}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function copilot(m: ReportModel): SafeHtml {
  return html`${m.copilotFindings.map(
    (f) =>
      html`<div class="generated">
        <div class="tag">Copilot finding · generated by a local language model, verify before acting</div>
        <h3>${f.title}</h3>
        ${f.at !== null ? html`<p class="downstream">${when(f.at)} UTC</p>` : ''}
        <div class="answer">${f.text}</div>
      </div>`,
  )}`;
}

function evidence(m: ReportModel): SafeHtml {
  return html`${m.evidence.map(
    (e) =>
      html`<div class="evidence">
        <h3>${e.title}</h3>
        ${e.facts.length > 0
          ? html`<dl class="facts">
              ${e.facts.map(
                ([k, v]) =>
                  html`<dt>${k}</dt>
                    <dd>${v}</dd>`,
              )}
            </dl>`
          : ''}${e.body !== null ? html`<pre>${e.body}</pre>` : ''}${e.table !== null
          ? html`<table>
              <thead>
                <tr>
                  ${e.table.columns.map((c) => html`<th>${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${e.table.rows.map(
                  (r) =>
                    html`<tr>
                      ${r.map((c) => html`<td class="mono">${c}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>`
          : ''}
      </div>`,
  )}`;
}

function notes(m: ReportModel): SafeHtml {
  const list = m.incident?.notes.filter((n) => n.kind === 'note') ?? [];
  return html`${list.map((n) => html`<p><span class="when">${when(n.at)}</span> <b>${n.author}</b>: ${n.text}</p>`)}`;
}

/** The report as one self-contained HTML document: inline CSS and SVG, a strict CSP, no script, every Airflow string escaped. */
export function renderHtml(m: ReportModel): string {
  const status =
    m.incident === null
      ? ''
      : html`<span class="pill ${m.incident.status === 'resolved' ? 'good' : m.incident.status === 'mitigated' ? 'warn' : 'bad'}"
          >${m.incident.status}</span
        >`;
  const doc = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${m.title}</title>
        <style>
          ${trusted(REPORT_CSS)}
        </style>
      </head>
      <body>
        <main>
          <header class="report-head">
            <div>
              <div class="brand">ORC AI Desk · ${m.kind === 'incident' ? 'Incident report' : 'Environment report'}</div>
              <h1>${m.title}</h1>
              <div class="meta">
                <b>${m.env.name}</b>${m.env.synthetic ? ' (synthetic history)' : ''} · ${when(m.window.from)} – ${when(m.window.to)} UTC
                ${status}
              </div>
            </div>
            <div class="head-side">
              Generated ${when(m.generatedAt)}
              UTC${m.incident !== null ? html`<br />Incident <span class="mono">${m.incident.id}</span>` : ''}
            </div>
          </header>
          <div class="figures">
            ${m.figures.map(
              (f) =>
                html`<div class="figure ${f.tone}">
                  <div class="v">${f.value}</div>
                  <div class="l">${f.label}</div>
                </div>`,
            )}
          </div>
          ${section('summary', html`<div class="summary">${m.summary.map((s) => html`<p>${s}</p>`)}</div>`, false, '')}
          ${section('timeline', timeline(m), m.timeline.length === 0, 'Nothing happened in this window.')}
          ${section('affected', affected(m), m.affectedDags.length === 0, 'No DAG failed.')}
          ${section('durations', charts(m), m.durationCharts.length === 0, 'No run durations in this window.')}
          ${section('anomalies', anomalies(m), m.anomalies.length === 0, 'No anomaly was detected.')}
          ${section('patterns', patterns(m), m.errorPatterns.length === 0, 'No error pattern was seen.')}
          ${section('actions', actions(m), m.actions.length === 0, 'No action was taken on Airflow from ORC AI Desk.')}
          ${section('copilot', copilot(m), m.copilotFindings.length === 0, 'No copilot answer is part of this report.')}
          ${m.kind === 'incident' ? section('evidence', evidence(m), m.evidence.length === 0, 'Nothing is pinned.') : ''}
          ${m.kind === 'incident'
            ? section('notes', notes(m), (m.incident?.notes.filter((n) => n.kind === 'note').length ?? 0) === 0, 'No notes.')
            : ''}
          <footer class="report-foot">
            ORC AI Desk report · ${m.env.name} · every value read from the local cache of Airflow's history; copilot findings are generated
            and marked as such.
          </footer>
        </main>
      </body>
    </html> `;
  return doc.value;
}
