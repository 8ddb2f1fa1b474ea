// Finding 10 of issue 19: a Grafana dashboard path like //evil.example/x stays on the configured Grafana host.
import { describe, expect, it } from 'vitest';
import { grafanaLinks } from '../../../src-main/services/monitoring/grafana-links';

const env = { id: 'ops', name: 'Ops production' };

describe('Grafana links', () => {
  it('fills the environment into each path under the Grafana URL, its path prefix kept', () => {
    expect(grafanaLinks('http://127.0.0.1:3000', [{ title: 'Cluster', path: '/d/airflow-cluster/airflow?var-env={env}' }], env)).toEqual([
      { title: 'Cluster', url: 'http://127.0.0.1:3000/d/airflow-cluster/airflow?var-env=Ops%20production' },
    ]);
    expect(grafanaLinks('https://mon.example/grafana/', [{ title: 'X', path: '/d/x?id={envId}' }], env)[0]?.url).toBe(
      'https://mon.example/grafana/d/x?id=ops',
    );
    expect(grafanaLinks('https://mon.example/grafana', [], env)).toEqual([
      { title: 'Grafana dashboards', url: 'https://mon.example/grafana/dashboards' },
    ]);
  });

  it('never leaves the Grafana host, whatever the path', () => {
    for (const grafana of ['https://grafana.example', 'https://grafana.example/prefix']) {
      for (const path of [
        '//evil.example/x',
        '/\\evil.example/x',
        '/\\/evil.example',
        '//user:pw@evil.example/',
        '/@evil.example',
        '/%2F%2Fevil.example',
        '/{env}',
      ]) {
        const links = grafanaLinks(grafana, [{ title: 'T', path }], { id: 'ops', name: '//evil.example' });
        for (const link of links) expect(new URL(link.url).host, `${grafana} ${path}`).toBe('grafana.example');
      }
    }
  });
});
