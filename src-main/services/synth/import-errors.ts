import type { ImportErrorRow } from '../cache/rows';
import { HOUR, iso } from './instants';

/** Two DAG files that fail to import, as Airflow reports them. */
export function importErrorRows(envId: string, asOf: number): ImportErrorRow[] {
  return [
    {
      envId,
      errorId: '1',
      filename: '/opt/airflow/dags/partners/partner_feeds_v2.py',
      timestamp: iso(asOf - 5 * HOUR),
      stackTrace: [
        'Traceback (most recent call last):',
        '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
        '  File "/opt/airflow/dags/partners/partner_feeds_v2.py", line 7, in <module>',
        '    from partner_sdk.client import FeedClient',
        "ModuleNotFoundError: No module named 'partner_sdk'",
      ].join('\n'),
    },
    {
      envId,
      errorId: '2',
      filename: '/opt/airflow/dags/finance/ledger_close_monthly.py',
      timestamp: iso(asOf - 26 * HOUR),
      stackTrace: [
        'Traceback (most recent call last):',
        '  File "/home/airflow/.local/lib/python3.11/site-packages/airflow/models/dagbag.py", line 353, in parse',
        '    loader.exec_module(new_module)',
        '  File "/opt/airflow/dags/finance/ledger_close_monthly.py", line 58, in <module>',
        '    reconcile >> close_books >> reconcile',
        'airflow.exceptions.AirflowDagCycleException: Cycle detected in DAG: ledger_close_monthly. Faulty task: reconcile_accounts',
      ].join('\n'),
    },
  ];
}
