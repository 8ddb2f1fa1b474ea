"""
Log corpus DAG: tasks that call real libraries and fail the way they really fail (HTTP errors from a
loopback server, a closed loopback port, SQLite constraint errors through SQLAlchemy, bad JSON, a
failing bash command, bad dates and decimals, a timeout, a sensor timeout, a mapped task with a
missing key). urllib3 and SQLAlchemy log at DEBUG/INFO, so their own lines land in the task logs.
Each run takes `seed` from its conf, which varies the inputs. Only 127.0.0.1 is contacted.
"""
import datetime
import decimal
import http.server
import json
import logging
import random
import threading
import time

import pendulum
from loopback_port import closed_port  # the DAG folder is on sys.path

try:  # Airflow 3
    from airflow.sdk import DAG, task, get_current_context
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.providers.standard.sensors.python import PythonSensor
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.decorators import task
    from airflow.operators.bash import BashOperator
    from airflow.operators.python import get_current_context
    from airflow.sensors.python import PythonSensor

log = logging.getLogger(__name__)
TABLES = ['orders', 'customers', 'payments', 'user_sessions', 'inventory', 'sku_prices']
ROUTES = ['api/v2/dags', 'v1/orders', 'export/daily', 'metrics', 'items/{n}', 'v1/customers/{n}/invoices']


def rng():
    conf = get_current_context()['dag_run'].conf or {}
    return random.Random(int(conf.get('seed', 1)))


def route(r):
    return r.choice(ROUTES).format(n=r.randint(1, 9999))


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self):
        code = int(self.path.strip('/').split('/')[0] or '200')
        body = b'{"ok": true}' if code < 300 else b'<html>error</html>'
        self.send_response(code)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

    def log_message(self, *args):
        pass


def serve():
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


with DAG(
    dag_id='corpus_library_errors',
    start_date=pendulum.datetime(2024, 1, 1, tz='UTC'),
    schedule=None,
    catchup=False,
    max_active_runs=2,
    default_args={'retries': 0},
    tags=['log-corpus'],
):

    @task(retries=1, retry_delay=datetime.timedelta(seconds=1))
    def call_api():
        import requests

        logging.getLogger('urllib3').setLevel(logging.DEBUG)
        r = rng()
        server = serve()
        base = f'http://127.0.0.1:{server.server_address[1]}'
        session = requests.Session()
        for _ in range(r.randint(3, 8)):
            method = r.choice(['GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH'])
            code = r.choice([200, 200, 201, 204, 404, 409])
            resp = session.request(method, f'{base}/{code}/{route(r)}', timeout=5)
            log.info('%s %s answered %s in %.3f s', method, resp.url, resp.status_code, resp.elapsed.total_seconds())
        code = r.choice([400, 401, 403, 404, 429, 500, 502, 503])
        session.get(f'{base}/{code}/{route(r)}', timeout=5).raise_for_status()

    @task
    def call_closed_port():
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        logging.getLogger('urllib3').setLevel(logging.DEBUG)
        r = rng()
        session = requests.Session()
        session.mount('http://', HTTPAdapter(max_retries=Retry(total=r.randint(1, 3), backoff_factor=0.05)))
        session.get(f'http://127.0.0.1:{closed_port()}/{route(r)}', timeout=2)

    @task
    def load_rows():
        import sqlalchemy as sa

        logging.getLogger('sqlalchemy.engine').setLevel(logging.INFO)
        r = rng()
        table = r.choice(TABLES)
        engine = sa.create_engine('sqlite://')
        with engine.begin() as c:
            c.execute(sa.text(f'CREATE TABLE {table} (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, amount NUMERIC)'))
            rows = [{'id': i, 'email': f'user{i}@example.org', 'amount': r.randint(1, 900)} for i in range(r.randint(2, 6))]
            c.execute(sa.text(f'INSERT INTO {table} (id, email, amount) VALUES (:id, :email, :amount)'), rows)
        log.info('Loaded %d rows into %s', len(rows), table)
        with engine.begin() as c:
            total = c.execute(sa.text(f'SELECT count(*), sum(amount) FROM {table}')).one()
            log.info('Table %s holds %s rows, total amount %s', table, total[0], total[1])
        with engine.begin() as c:
            kind = r.choice(['unique', 'null', 'missing'])
            if kind == 'unique':
                c.execute(sa.text(f'INSERT INTO {table} (id, email) VALUES (:id, :email)'), {'id': 99, 'email': rows[0]['email']})
            elif kind == 'null':
                c.execute(sa.text(f'INSERT INTO {table} (id, email) VALUES (:id, NULL)'), {'id': 98})
            else:
                c.execute(sa.text(f'SELECT * FROM {table}_staging'))

    @task
    def parse_payload():
        r = rng()
        payload = r.choice(['', '{"rows": [1, 2,]}', "{'rows': 1}", '{"rows": 1} trailing', '{"rows": [1, 2', '{"name": "x\\q"}'])
        log.info('Parsing payload of %d bytes', len(payload))
        json.loads(payload)

    @task
    def parse_dates():
        r = rng()
        for _ in range(r.randint(1, 4)):
            text = f'2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}'
            log.info('Partition %s parsed as %s', text, datetime.datetime.strptime(text, '%Y-%m-%d').date())
        bad = r.choice(['2024-13-01', '31/01/2024', '2024-02-30', 'yesterday'])
        datetime.datetime.strptime(bad, '%Y-%m-%d')

    @task
    def sum_amounts():
        r = rng()
        amounts = [str(r.randint(1, 500)) + '.' + str(r.randint(0, 99)) for _ in range(r.randint(2, 5))]
        amounts.append(r.choice(['12,50', 'N/A', '']))
        total = decimal.Decimal(0)
        ctx = decimal.Context(traps=[decimal.InvalidOperation])
        for a in amounts:
            total += ctx.create_decimal(a)
            log.info('Running total %s after %s', total, a)

    @task
    def read_config():
        r = rng()
        config = {'region': 'eu-west-1', 'batch_size': 500}
        for key in ['region', 'batch_size']:
            log.info('Config %s = %s', key, config[key])
        return config[r.choice(['target_table', 'owner', 'conn_id', 'partition_date'])]

    @task(execution_timeout=datetime.timedelta(seconds=2))
    def slow_export():
        r = rng()
        for i in range(10):
            log.info('Exported chunk %d of 10', i + 1)
            time.sleep(0.3 + r.random() * 0.3)

    @task
    def fine(n: int):
        r = rng()
        log.info('Processed %d records in %.2f s', r.randint(100, 5000) * n, r.random() * 3)
        return n

    @task
    def mapped(item: str):
        lookup = {'orders': 1, 'customers': 2}
        log.info('Looking up %s', item)
        return lookup[item]

    run_bash = BashOperator(
        task_id='run_bash',
        bash_command='echo "exporting {{ dag_run.conf.get(\'seed\', 1) }}"; ls /nonexistent-{{ dag_run.conf.get(\'seed\', 1) }} ; exit $(( {{ dag_run.conf.get(\'seed\', 1) }} % 4 + 1 ))',
    )

    wait_for_file = PythonSensor(
        task_id='wait_for_file',
        python_callable=lambda: False,
        poke_interval=1,
        timeout=3,
        mode='poke',
    )

    call_api()
    call_closed_port()
    load_rows()
    parse_payload()
    parse_dates()
    sum_amounts()
    read_config()
    slow_export()
    fine(1) >> fine.override(task_id='fine_after')(2)
    mapped.expand(item=['orders', 'customers', 'payments'])
