/** Smoke test: the Airflow 2 peer from test/env/global-setup.ts answers its v1 API with basic auth. */
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_DAG_IDS } from '../../env/fixtures';

const peers = inject('peers');
const af = peers.af2;

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

describe.skipIf(!af)('Airflow 2 peer (smoke)', () => {
  it('reports version 2.x and apiVersion v1', () => {
    expect(af!.apiVersion).toBe('v1');
    expect(af!.version).toMatch(/^2\./);
    expect(af!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists the fixture DAGs over /api/v1/dags with basic auth', async () => {
    const res = await fetch(`${af!.baseUrl}/api/v1/dags?limit=100`, {
      headers: { Authorization: basic(af!.users.admin.username, af!.users.admin.password), Accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dags: Array<{ dag_id: string; is_paused: boolean }>; total_entries: number };
    const ids = body.dags.map((d) => d.dag_id);
    for (const id of FIXTURE_DAG_IDS) expect(ids).toContain(id);
    expect(body.dags.find((d) => d.dag_id === 'orc_linear_etl')?.is_paused).toBe(false);
  });

  it('answers 401 to a wrong password', async () => {
    const res = await fetch(`${af!.baseUrl}/api/v1/dags`, {
      headers: { Authorization: basic(af!.users.admin.username, 'wrong-password') },
    });
    expect(res.status).toBe(401);
    // With auth_backends "basic_auth,session" the API answers problem JSON (title "Unauthorized");
    // the headers come from the last backend (session), so there is no WWW-Authenticate: Basic.
    const body = (await res.json()) as { status: number; title: string };
    expect(body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('lets the viewer read but not pause', async () => {
    const headers = { Authorization: basic(af!.users.viewer.username, af!.users.viewer.password), 'Content-Type': 'application/json' };
    const read = await fetch(`${af!.baseUrl}/api/v1/dags/orc_linear_etl`, { headers });
    expect(read.status).toBe(200);
    const patch = await fetch(`${af!.baseUrl}/api/v1/dags/orc_linear_etl?update_mask=is_paused`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ is_paused: true }),
    });
    expect(patch.status).toBe(403);
  });
});
