"""
Raises real exceptions from real Python libraries (stdlib json, csv, decimal, datetime, sqlite3,
subprocess, socket, zlib, gzip, base64, codecs; requests/urllib3 against closed loopback ports and a
loopback HTTP server; SQLAlchemy on SQLite; pandas when installed) with varied inputs, and prints
the exception line a log would end with (`traceback.format_exception_only`, first line), one JSON
object per line: {"line": ...}. Deterministic for a seed (ports and object addresses vary).

Run with the Airflow venv's python (it has requests, urllib3 and SQLAlchemy):
  ~/.cache/orc-ai-desk/peers/airflow3-*/bin/python scripts/log-corpus/python_exceptions.py > raw.jsonl
"""
import base64
import binascii
import csv
import datetime
import decimal
import gzip
import http.server
import io
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import traceback
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dags'))
from loopback_port import closed_port  # noqa: E402

rng = random.Random(13)
TABLES = ['orders', 'customers', 'payments', 'dag_run_stats', 'events_2024', 'user_sessions', 'inventory', 'sku_prices']
COLUMNS = ['id', 'email', 'customer_id', 'amount', 'created_at', 'region', 'sku', 'order_ref']
KEYS = ['region', 'api_key', 'batch_size', 'S3_BUCKET', 'target_table', 'owner', 'retries', 'conn_id', 'partition_date', 'x']
WORDS = ['abc', 'N/A', '12,5', '3.14.15', 'null', 'none', '', ' 42 ', '1e', 'ten', '0x1F', '€12', 'TRUE', '2024-01-01']
PATHS = ['/data/in/{d}/orders.csv', '/opt/airflow/include/sql/load_{t}.sql', '/tmp/extract-{n}.json', 'reports/{d}/summary.parquet', '/var/lib/etl/{t}/part-{n}.csv.gz']

out = []


def emit(fn):
    try:
        fn()
    except BaseException as error:  # noqa: BLE001 - every exception is a sample
        text = ''.join(traceback.format_exception_only(type(error), error)).strip().split('\n')[0]
        out.append(text)


def a_path():
    return rng.choice(PATHS).format(d=f'2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}', t=rng.choice(TABLES), n=rng.randint(1, 9999))


# --- json -------------------------------------------------------------------------------------
BAD_JSON = ['', '{', '{"a": 1,}', '{"a" 1}', '{a: 1}', '[1, 2', '{"a": 1} x', '"abc', '{"a": "b\x01"}', '{"a": "\\q"}',
            'NaN1', "{'single': 1}", '[1 2]', '{"a": [1, 2}', 'tru', '{"k": 01}', '{"n": 1.}', '\n\n  {"a":', '[,]']
for _ in range(3):
    for doc in BAD_JSON:
        pad = ' ' * rng.randint(0, 6)
        emit(lambda: json.loads(pad + doc))
for value in [set([1]), datetime.datetime(2024, 1, 1), decimal.Decimal('1.5'), b'bytes', object(), frozenset(), complex(1, 2)] * 2:
    emit(lambda: json.dumps({'v': value}))

# --- int / float / dict / list ----------------------------------------------------------------
for _ in range(20):
    w = rng.choice(WORDS)
    emit(lambda: int(w))
    emit(lambda: float(w))
    emit(lambda: int(w, 16))
for _ in range(25):
    k = rng.choice(KEYS + COLUMNS)
    emit(lambda: {'a': 1}[k])
for _ in range(12):
    n = rng.randint(3, 60)
    emit(lambda: list(range(2))[n])
    emit(lambda: ()[n])
    emit(lambda: 'ab'[n])
for _ in range(15):
    attr = rng.choice(COLUMNS + ['get', 'strip', 'items', 'json'])
    emit(lambda: getattr(None, attr))
    emit(lambda: getattr(rng.choice([1, 'x', 2.5, [], {}]), attr + '_x'))
for a, b in [(1, 'a'), ('a', 1), (None, 1), ([], 1), (1.5, None), ({}, []), (b'x', 'y')] * 2:
    emit(lambda: a + b)
    emit(lambda: a < b)
for _ in range(10):
    emit(lambda: rng.randint(1, 100) / 0)
    emit(lambda: rng.randint(1, 100) % 0)
    emit(lambda: divmod(1.0, 0))

# --- decimal ----------------------------------------------------------------------------------
ctx = decimal.Context(traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact])
for _ in range(6):
    emit(lambda: ctx.create_decimal(rng.choice(['12,50', 'abc', '', '1..2', '$3'])))
    emit(lambda: ctx.divide(decimal.Decimal(rng.randint(1, 9)), decimal.Decimal(0)))
    emit(lambda: ctx.divide(decimal.Decimal(1), decimal.Decimal(3)))
    emit(lambda: ctx.power(decimal.Decimal(10), decimal.Decimal(999999999)))

# --- csv --------------------------------------------------------------------------------------
csv.field_size_limit(64 + rng.randint(0, 64))
for _ in range(6):
    emit(lambda: list(csv.reader(io.StringIO('a,' + 'x' * rng.randint(200, 900)))))
    emit(lambda: list(csv.reader(io.StringIO('a,"b"c,d'), strict=True)))
    emit(lambda: list(csv.reader(io.StringIO('a,b\n"unterminated'), strict=True)))
    emit(lambda: list(csv.DictWriter(io.StringIO(), fieldnames=['a']).writerow({'a': 1, rng.choice(COLUMNS): 2})))
    emit(lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE, escapechar=None).writerow(['a,b']))

# --- datetime ---------------------------------------------------------------------------------
for _ in range(25):
    s = rng.choice(['2024-13-01', '2024-02-30', '01/02/2024', '2024-01-01T25:00', '2024-1-1x', 'yesterday', '2024-06-31 10:00', ''])
    fmt = rng.choice(['%Y-%m-%d', '%d/%m/%Y', '%Y-%m-%dT%H:%M'])
    emit(lambda: datetime.datetime.strptime(s, fmt))
    emit(lambda: datetime.datetime.fromisoformat(s))
    emit(lambda: datetime.date(2024, rng.randint(13, 20), 1))
    emit(lambda: datetime.date(2023, 2, rng.randint(29, 31)))

# --- bytes, encodings, compression ----------------------------------------------------------------
for _ in range(8):
    blob = bytes([rng.choice([0xff, 0xfe, 0xc3, 0x80, 0xe9])]) + b'abc' * rng.randint(0, 3)
    emit(lambda: blob.decode('utf-8'))
    emit(lambda: ('é' * rng.randint(1, 3)).encode('ascii'))
    emit(lambda: base64.b64decode('abc' + 'd' * rng.randint(0, 1)))
    emit(lambda: zlib.decompress(b'not zlib' * rng.randint(1, 3)))
    emit(lambda: gzip.decompress(b'plain text ' + bytes([rng.randint(65, 90)])))
    emit(lambda: binascii.unhexlify('abc'))

# --- files --------------------------------------------------------------------------------------
for _ in range(15):
    p = a_path()
    emit(lambda: open(p))
    emit(lambda: open('/tmp', 'r').read())
    emit(lambda: __import__('os').rmdir('/tmp/no-such-dir-' + str(rng.randint(1, 9999))))
    emit(lambda: __import__('os').mkdir('/tmp'))

# --- sockets ------------------------------------------------------------------------------------
for _ in range(10):
    port = closed_port()
    emit(lambda: socket.create_connection(('127.0.0.1', port), timeout=1))
    emit(lambda: socket.getaddrinfo('no-such-host-%d.invalid' % rng.randint(1, 99), 80))

# --- subprocess ---------------------------------------------------------------------------------
for _ in range(8):
    code = rng.randint(1, 5)
    emit(lambda: subprocess.run(['sh', '-c', f'exit {code}'], check=True, capture_output=True))
    emit(lambda: subprocess.run(f'exit {code}', shell=True, check=True))
    emit(lambda: subprocess.run(['sleep', str(rng.randint(2, 9))], timeout=0.05))
    emit(lambda: subprocess.run(['no-such-binary-%d' % rng.randint(1, 99)]))
    emit(lambda: subprocess.run(['sh', '-c', 'kill -9 $$'], check=True))
    emit(lambda: subprocess.check_output(['false']))

# --- sqlite3 ------------------------------------------------------------------------------------
for _ in range(5):
    t, c = rng.choice(TABLES), rng.choice(COLUMNS)
    db = sqlite3.connect(':memory:')
    db.execute('PRAGMA foreign_keys = ON')
    db.execute(f'CREATE TABLE {t} (id INTEGER PRIMARY KEY, {c}_u TEXT UNIQUE, nn TEXT NOT NULL, ck INTEGER CHECK (ck > 0), parent INTEGER REFERENCES {t}(id))')
    db.execute(f'INSERT INTO {t} VALUES (1, ?, ?, 1, NULL)', ('a', 'b'))
    emit(lambda: db.execute(f'INSERT INTO {t} VALUES (2, ?, ?, 1, NULL)', ('a', 'b')))
    emit(lambda: db.execute(f'INSERT INTO {t} VALUES (3, ?, NULL, 1, NULL)', ('z',)))
    emit(lambda: db.execute(f'INSERT INTO {t} VALUES (4, ?, ?, -{rng.randint(1, 9)}, NULL)', ('y', 'b')))
    emit(lambda: db.execute(f'INSERT INTO {t} VALUES (5, ?, ?, 1, {rng.randint(50, 99)})', ('w', 'b')))
    emit(lambda: db.execute(f'INSERT INTO {t} VALUES (1, ?, ?, 1, NULL)', ('v', 'b')))
    emit(lambda: db.execute(f'SELECT * FROM {rng.choice(TABLES)}_missing'))
    emit(lambda: db.execute(f'SELECT {rng.choice(COLUMNS)}_nope FROM {t}'))
    emit(lambda: db.execute(f'SELEC * FROM {t}'))
    emit(lambda: db.execute(f'CREATE TABLE {t} (x)'))
    emit(lambda: db.execute(f'SELECT * FROM {t} WHERE id = ? AND nn = ?', (1,)))
    emit(lambda: db.execute(f'INSERT INTO {t} (id, nope_{c}) VALUES (9, 1)'))
    emit(lambda: db.execute('SELECT 1 FROM'))
    db.close()
    emit(lambda: db.execute('SELECT 1'))

# --- requests / urllib3 -------------------------------------------------------------------------
try:
    import requests
    import urllib3

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            code = int(self.path.strip('/').split('/')[0] or '200')
            if code == 299:
                import time
                time.sleep(0.5)
                code = 200
            self.send_response(code)
            self.end_headers()
            self.wfile.write(b'<html>not json</html>' if code == 200 else b'error')

        def log_message(self, *args):
            pass

    class QuietServer(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass

    server = QuietServer(('127.0.0.1', 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    live = server.server_address[1]
    for _ in range(6):
        route = rng.choice(['api/v2/dags', 'v1/orders', 'export', 'metrics', 'items/%d' % rng.randint(1, 999)])
        port = closed_port()
        emit(lambda: requests.get(f'http://127.0.0.1:{port}/{route}', timeout=2))
        emit(lambda: requests.post(f'http://127.0.0.1:{port}/{route}', json={}, timeout=2))
        emit(lambda: urllib3.PoolManager(retries=False).request('GET', f'http://127.0.0.1:{port}/{route}'))
        for code in [400, 401, 403, 404, 429, 500, 502, 503]:
            emit(lambda: requests.get(f'http://127.0.0.1:{live}/{code}/{route}', timeout=2).raise_for_status())
        emit(lambda: requests.get(f'http://127.0.0.1:{live}/299/{route}', timeout=0.1))
        emit(lambda: requests.get(f'http://127.0.0.1:{live}/200/{route}', timeout=2).json())
        emit(lambda: requests.get(f'127.0.0.1:{port}/{route}'))
        emit(lambda: requests.get(f'ftp://127.0.0.1:{port}/{route}'))
        emit(lambda: requests.get(f'http:///{route}'))
    server.shutdown()
except ImportError:
    print('requests/urllib3 missing: skipped', file=sys.stderr)

# --- SQLAlchemy -------------------------------------------------------------------------------
try:
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    for _ in range(5):
        t = rng.choice(TABLES)
        engine = sa.create_engine('sqlite://')
        with engine.begin() as c:
            c.execute(sa.text(f'CREATE TABLE {t} (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)'))
            c.execute(sa.text(f"INSERT INTO {t} VALUES (1, 'a@example.org')"))

        def run(sql, params=None):
            with engine.begin() as c:
                return c.execute(sa.text(sql), params or {}).all()

        emit(lambda: run(f"INSERT INTO {t} VALUES (2, 'a@example.org')"))
        emit(lambda: run(f'INSERT INTO {t} VALUES (3, NULL)'))
        emit(lambda: run(f'SELECT * FROM {t}_archive'))
        emit(lambda: run(f'SELECT {rng.choice(COLUMNS)}_x FROM {t}'))
        emit(lambda: run(f'SELECT * FROM {t} WHERE id = :id'))
        emit(lambda: run(f'SELECT * FROM {t}').one() if False else Session(engine).execute(sa.text(f'SELECT * FROM {t} WHERE id = 99')).one())
        emit(lambda: Session(engine).execute(sa.text(f'SELECT * FROM {t} UNION ALL SELECT * FROM {t}')).one())
        emit(lambda: sa.create_engine(f'nosuchdialect{rng.randint(1, 9)}://x'))
        emit(lambda: sa.create_engine(f'postgresql+nodriver{rng.randint(1, 9)}://x'))
        emit(lambda: sa.create_engine('not a url'))
except ImportError:
    print('sqlalchemy missing: skipped', file=sys.stderr)

# --- pandas -------------------------------------------------------------------------------------
try:
    import pandas as pd

    for _ in range(6):
        df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]})
        col = rng.choice(COLUMNS)
        emit(lambda: df[col])
        emit(lambda: df[[col, 'a']])
        emit(lambda: pd.read_csv(io.StringIO('a,b\n1,2\n3,4,5\n')))
        emit(lambda: pd.read_csv(io.StringIO('')))
        emit(lambda: setattr(df, 'columns', ['x'] * rng.randint(3, 5)))
        emit(lambda: pd.to_datetime(rng.choice(['2024-13-45', 'not a date', '31/31/2024'])))
        emit(lambda: df.astype({'a': 'int64'}).assign(a=['x', 'y']).astype({'a': 'int64'}))
        emit(lambda: pd.merge(df, df, on=col))
except ImportError:
    print('pandas missing: skipped', file=sys.stderr)

for text in out:
    print(json.dumps({'line': text}))
