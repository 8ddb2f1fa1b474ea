/** Smoke test: the Airflow 3 peer from test/env/global-setup.ts answers its v2 API with JWT auth. */
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_DAG_IDS } from '../../env/fixtures';

const peers = inject('peers');
const af = peers.af3;

async function token(username: string, password: string): Promise<Response> {
  return fetch(`${af!.baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe.skipIf(!af)('Airflow 3 peer (smoke)', () => {
  it('reports version 3.x and apiVersion v2', () => {
    expect(af!.apiVersion).toBe('v2');
    expect(af!.version).toMatch(/^3\./);
    expect(af!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('issues a JWT for admin/admin and lists the fixture DAGs', async () => {
    const res = await token(af!.users.admin.username, af!.users.admin.password);
    expect(res.status).toBe(201);
    const { access_token } = (await res.json()) as { access_token: string };
    expect(access_token.split('.')).toHaveLength(3);

    const dags = await fetch(`${af!.baseUrl}/api/v2/dags?limit=100`, {
      headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' },
    });
    expect(dags.status).toBe(200);
    const body = (await dags.json()) as { dags: Array<{ dag_id: string; is_paused: boolean }>; total_entries: number };
    const ids = body.dags.map((d) => d.dag_id);
    for (const id of FIXTURE_DAG_IDS) expect(ids).toContain(id);
    expect(body.total_entries).toBeGreaterThanOrEqual(FIXTURE_DAG_IDS.length);
    expect(body.dags.find((d) => d.dag_id === 'orc_linear_etl')?.is_paused).toBe(false);
  });

  it('rejects wrong credentials and requests without a token', async () => {
    const bad = await token(af!.users.admin.username, 'wrong-password');
    expect(bad.status).toBe(401);
    const anon = await fetch(`${af!.baseUrl}/api/v2/dags`);
    expect(anon.status).toBe(401);
  });

  it('gives a viewer 200 on reads and 403 on PATCH pause', async () => {
    const res = await token(af!.users.viewer.username, af!.users.viewer.password);
    expect(res.status).toBe(201);
    const { access_token } = (await res.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' };

    const read = await fetch(`${af!.baseUrl}/api/v2/dags/orc_linear_etl`, { headers });
    expect(read.status).toBe(200);

    const patch = await fetch(`${af!.baseUrl}/api/v2/dags/orc_linear_etl`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ is_paused: true }),
    });
    expect(patch.status).toBe(403);
  });
});
