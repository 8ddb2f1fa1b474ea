import { describe, expect, it } from 'vitest';
import { airflowRunUrl, airflowTaskUrl } from '../../../src-main/services/investigate/airflow-links';

describe('links to Airflow under a base URL path prefix', () => {
  it('keeps the prefix, drops trailing slashes, a query and a fragment', () => {
    const target = { kind: 'airflow3', baseUrl: 'https://host.example/team-a/airflow/?x=1#top' };
    expect(airflowRunUrl(target, 'etl', 'manual__1')).toBe('https://host.example/team-a/airflow/dags/etl/runs/manual__1');
    expect(airflowTaskUrl(target, 'etl', 'r 1', 'load', 2)).toBe(
      'https://host.example/team-a/airflow/dags/etl/runs/r%201/tasks/load/mapped/2',
    );
  });

  it('keeps it for Airflow 2 grid links too', () => {
    const target = { kind: 'airflow2', baseUrl: 'https://host.example/deployments/abc123' };
    expect(airflowRunUrl(target, 'etl', 'r')).toBe('https://host.example/deployments/abc123/dags/etl/grid?dag_run_id=r');
  });
});
