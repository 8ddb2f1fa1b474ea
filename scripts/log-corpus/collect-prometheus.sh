#!/usr/bin/env bash
# Runs Debian's Prometheus and Alertmanager briefly on loopback with debug logging, scraping targets
# that are closed ports, evaluating rules (one broken), and notifying a webhook on a closed port, so
# that both write their ordinary start-up, error and shutdown lines. Raw logs go to $RAW (default
# /tmp/log-corpus-raw). Nothing leaves 127.0.0.1.
set -euo pipefail
RAW="${RAW:-/tmp/log-corpus-raw}"
SECONDS_RUNNING="${SECONDS_RUNNING:-45}"
dir="$(mktemp -d /tmp/log-corpus-prom.XXXXXX)"
mkdir -p "$RAW"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
prom=$(free_port); am=$(free_port); dead1=$(free_port); dead2=$(free_port); hook=$(free_port)
cat > "$dir/rules.yml" <<YML
groups:
  - name: corpus
    interval: 1s
    rules:
      - alert: TargetDown
        expr: up == 0
        labels: { severity: page }
      - alert: AlwaysFiring
        expr: vector(1)
      - record: job:up:sum
        expr: sum by (job) (up)
      - record: broken:ratio
        expr: 'sum(up) / on(job) group_left count(up)'
YML
cat > "$dir/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [rules.yml, missing-rules-*.yml]
alerting:
  alertmanagers:
    - static_configs: [{ targets: ['127.0.0.1:${am}', '127.0.0.1:${dead2}'] }]
scrape_configs:
  - job_name: self
    static_configs: [{ targets: ['127.0.0.1:${prom}'] }]
  - job_name: alertmanager
    static_configs: [{ targets: ['127.0.0.1:${am}'] }]
  - job_name: airflow
    static_configs: [{ targets: ['127.0.0.1:${dead1}', '127.0.0.1:${dead2}'] }]
  - job_name: bad-path
    metrics_path: /nothing-here
    static_configs: [{ targets: ['127.0.0.1:${am}'] }]
YML
cat > "$dir/alertmanager.yml" <<YML
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 5s
receivers:
  - name: hook
    webhook_configs:
      - url: 'http://127.0.0.1:${hook}/alert'
        send_resolved: true
YML
prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/am-data" \
  --web.listen-address="127.0.0.1:${am}" --cluster.listen-address= --log.level=debug >"$dir/alertmanager.log" 2>&1 &
am_pid=$!
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prom-data" \
  --web.listen-address="127.0.0.1:${prom}" --web.enable-lifecycle --log.level=debug >"$dir/prometheus.log" 2>&1 &
prom_pid=$!
sleep 8
# A few ordinary API calls, a bad query, a config reload with a broken file, then a good one.
curl -s "http://127.0.0.1:${prom}/api/v1/query?query=up" >/dev/null || true
curl -s "http://127.0.0.1:${prom}/api/v1/query?query=sum(" >/dev/null || true
cp "$dir/prometheus.yml" "$dir/prometheus.good.yml"
echo 'scrape_configs: [ { job_name: x, static_configs: [ { targets: [ "a:b:c" ] } ] } ]' > "$dir/prometheus.yml"
curl -s -X POST "http://127.0.0.1:${prom}/-/reload" >/dev/null || true
cp "$dir/prometheus.good.yml" "$dir/prometheus.yml"
curl -s -X POST "http://127.0.0.1:${prom}/-/reload" >/dev/null || true
curl -s -X POST "http://127.0.0.1:${am}/-/reload" >/dev/null || true
curl -s -X POST -H 'Content-Type: application/json' "http://127.0.0.1:${am}/api/v2/silences" \
  -d '{"matchers":[{"name":"alertname","value":"AlwaysFiring","isRegex":false}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","createdBy":"corpus","comment":"corpus"}' >/dev/null || true
sleep "$SECONDS_RUNNING"
kill -TERM "$prom_pid" "$am_pid" 2>/dev/null || true
wait "$prom_pid" "$am_pid" 2>/dev/null || true
cp "$dir/prometheus.log" "$RAW/prometheus.log"
cp "$dir/alertmanager.log" "$RAW/alertmanager.log"
rm -rf "$dir"
wc -l "$RAW/prometheus.log" "$RAW/alertmanager.log"
