"""
Builds test/fixtures/log-corpus/<source>.jsonl from the raw logs collected by the other scripts in
this folder (default $RAW=/tmp/log-corpus-raw), labelling every line by hand-written templates.

Labelling: scripts/log-corpus/templates/<source>.txt holds, one per line, the templates written by
reading the lines: literal text with `<*>` where a parameter stands (a value that can change
without the event changing). A line gets the template it matches completely; where two match, the
one with more literal characters wins (a more specific template); a line no template matches is
left out and counted. Nothing here runs the miner under test.

Each line first loses its header (timestamp, level, logger/caller), as a log viewer shows it; at
most CAP lines per template and source are kept (the first ones), so no template dominates.
Each row gets `half`: "dev" or "held-out" from a hash of its template, so a template is wholly in
one half.

  python3 scripts/log-corpus/build_corpus.py
"""
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RAW = os.environ.get('RAW', '/tmp/log-corpus-raw')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'log-corpus')
CAP = 40

STRUCTLOG = re.compile(r'^\d{4}-\d\d-\d\dT[\d:.]+Z \[(?:debug|info|warning|error|critical|exception)\s*\] (.*)$')
# structlog's console renderer: `event  [logger] key=value ... loc=file.py:N ...`
STRUCTLOG_LOGGER = re.compile(r'\s{2,}\[[\w.]+\](?=\s|$)|(?<=\S)\s\[[\w.]+\](?=\s+\w+=|$)')
LOC = re.compile(r'\s+loc=\S+')
LOGFMT_HEADER = re.compile(r'\b(?:ts|time|caller|level)=(?:"[^"]*"|\S+) ?')
NEO4J = re.compile(r'^\d{4}-\d\d-\d\d [\d:.]+[+-]\d{4}\s+(?:DEBUG|INFO|WARN|ERROR)\s+(?:\[[^\]]+\]\s+)?(.*)$')
# Airflow 2 (Python logging): `[2026-12-07T06:45:50.123+0000] {taskinstance.py:1234} INFO - message`
CLASSIC = re.compile(r'^\[\d{4}-\d\d-\d\d[T ][\d:.,]+ ?[+-]?\d{0,4}\] \{[^}]*\} (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) - (.*)$')
# gunicorn: `[2026-12-07 06:45:00 +0000] [123] [INFO] message`
GUNICORN = re.compile(r'^\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] \[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (.*)$')
# combined access log: the time in brackets is header
ACCESS = re.compile(r'^(\S+ \S+ \S+) \[[^\]]+\] (".*)$')
SECRET = re.compile(r'(password|passwd|secret|token|api[_-]?key)\s*[=:]\s*\S{6,}', re.I)


def python_exceptions():
    for row in open(os.path.join(RAW, 'python-exceptions.jsonl')):
        yield json.loads(row)['line']


def structlog_file(path):
    """Airflow 3 service logs (structlog console): the first line of each record, header stripped."""
    def read():
        for line in open(path, errors='replace'):
            m = STRUCTLOG.match(line.rstrip('\n'))
            if m:
                text = LOC.sub('', STRUCTLOG_LOGGER.sub('', m.group(1)))
                text = re.sub(r'\s+', ' ', text).strip()
                if text:
                    yield text
    return read


def airflow3_tasks():
    """Airflow 3 task logs (JSON lines): each record's event, and `Type: value` of each exception."""
    files = sorted(glob.glob(os.path.join(RAW, 'airflow3', 'task-logs', '**', '*.log'), recursive=True))
    for path in files:
        for line in open(path, errors='replace'):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            event = rec.get('event')
            if isinstance(event, str) and event.strip():
                yield event.split('\n')[0].strip()
            for exc in rec.get('error_detail') or []:
                value = exc.get('exc_value')
                yield f"{exc.get('exc_type')}: {value.splitlines()[0]}" if value else exc.get('exc_type')


def classic_file(pattern, extra=()):
    """Airflow 2 logs: each record's message, and the exception line that ends each traceback."""
    def read():
        for path in sorted(glob.glob(os.path.join(RAW, pattern), recursive=True)):
            after_traceback = False
            for raw in open(path, errors='replace'):
                line = raw.rstrip('\n')
                if line == 'Traceback (most recent call last):':
                    after_traceback = True
                    continue
                if after_traceback:
                    if line.startswith((' ', '\t')) or line == '':
                        continue
                    after_traceback = False
                    if not line.startswith('['):
                        yield line
                        continue
                for rx in (CLASSIC, *extra):
                    m = rx.match(line)
                    if m:
                        text = re.sub(r'\s+', ' ', ' '.join(g for g in m.groups() if g)).strip()
                        while CLASSIC.match(text):  # a record that logs another process's record
                            text = CLASSIC.match(text).group(1).strip()
                        if text:
                            yield text
                        break
    return read


def system_file(name, header):
    """Package-manager logs: each line without its header; apt's progress lines and markers are not records."""
    def read():
        for line in open(os.path.join(RAW, 'system', name), errors='replace'):
            line = header.sub('', line.rstrip('\n')).strip()
            if line and not line.startswith(('Log started:', 'Log ended:', '(Reading database')):
                yield line
    return read


def logfmt_file(path):
    def read():
        for line in open(path, errors='replace'):
            if not line.startswith(('ts=', 'time=')):
                continue
            yield LOGFMT_HEADER.sub('', line.rstrip('\n')).strip()
    return read


def neo4j_file(pattern):
    def read():
        for path in sorted(glob.glob(os.path.join(RAW, 'neo4j', pattern))):
            for line in open(path, errors='replace'):
                m = NEO4J.match(line.rstrip('\n'))
                if m and m.group(1).strip():
                    yield m.group(1).strip()
    return read


SOURCES = {
    'python-exceptions': python_exceptions,
    'airflow3-task': airflow3_tasks,
    'airflow3-scheduler': structlog_file(os.path.join(RAW, 'airflow3', 'scheduler.log')),
    'airflow3-api-server': structlog_file(os.path.join(RAW, 'airflow3', 'api-server.log')),
    'airflow3-dag-processor': structlog_file(os.path.join(RAW, 'airflow3', 'dag-processor.log')),
    'airflow3-triggerer': structlog_file(os.path.join(RAW, 'airflow3', 'triggerer.log')),
    'airflow2-task': classic_file('airflow2/task-logs/dag_id=*/**/*.log'),
    'airflow2-scheduler': classic_file('airflow2/scheduler.log'),
    'airflow2-dag-processor': classic_file('airflow2/task-logs/scheduler/**/*.log'),
    'airflow2-webserver': classic_file('airflow2/webserver.log', (GUNICORN, ACCESS)),
    'dpkg': system_file('dpkg.log', re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ')),
    'alternatives': system_file('alternatives.log', re.compile(r'^update-alternatives \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: ')),
    'prometheus': logfmt_file(os.path.join(RAW, 'prometheus.log')),
    'alertmanager': logfmt_file(os.path.join(RAW, 'alertmanager.log')),
    'neo4j': neo4j_file('*.log'),
}


def compile_template(t):
    parts = t.split('<*>')
    return re.compile('^' + '(.*?)'.join(re.escape(p) for p in parts) + '$', re.S), len(t) - 3 * (len(parts) - 1)


def load_templates(source):
    path = os.path.join(HERE, 'templates', f'{source}.txt')
    if not os.path.exists(path):
        return []
    out = []
    for raw in open(path):
        t = raw.rstrip('\n')
        if t.strip() == '' or t.startswith('#'):
            continue
        regex, literal = compile_template(t)
        out.append((t, regex, literal))
    return out


def half(template):
    return 'dev' if int(hashlib.sha1(template.encode()).hexdigest()[:8], 16) % 2 == 0 else 'held-out'


def main():
    only = sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    summary = []
    for source, read in SOURCES.items():
        if only and source not in only:
            continue
        templates = load_templates(source)
        kept, per, unmatched, ambiguous = [], Counter(), Counter(), []
        try:
            lines = list(read())
        except FileNotFoundError as error:
            print(f'{source}: no raw log ({error.filename})', file=sys.stderr)
            continue
        for line in lines:
            if SECRET.search(line):
                raise SystemExit(f'{source}: secret-looking line: {line}')
            hits = [(lit, t) for t, rx, lit in templates if rx.match(line)]
            if not hits:
                unmatched[line] += 1
                continue
            hits.sort(reverse=True)
            if len(hits) > 1 and hits[0][0] == hits[1][0]:
                ambiguous.append((line, hits[0][1], hits[1][1]))
            t = hits[0][1]
            if per[t] >= CAP:
                continue
            per[t] += 1
            kept.append({'line': line, 'template': t, 'half': half(t)})
        with open(os.path.join(OUT, f'{source}.jsonl'), 'w') as f:
            for row in kept:
                f.write(json.dumps(row, ensure_ascii=False) + '\n')
        unused = [t for t, _, _ in templates if per[t] == 0]
        summary.append((source, len(lines), len(kept), len(per), sum(unmatched.values())))
        for line, n in unmatched.most_common():
            print(f'UNMATCHED {source} x{n}: {line}', file=sys.stderr)
        for line, a, b in ambiguous[:20]:
            print(f'AMBIGUOUS {source}: {line!r} -> {a!r} / {b!r}', file=sys.stderr)
        for t in unused:
            print(f'UNUSED {source}: {t}', file=sys.stderr)
    print('source raw kept templates unmatched')
    for row in summary:
        print(*row)
    print('total', sum(r[2] for r in summary), 'lines', sum(r[3] for r in summary), 'templates (per source)')


if __name__ == '__main__':
    main()
