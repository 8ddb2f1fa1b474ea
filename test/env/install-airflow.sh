#!/usr/bin/env bash
# Installs a real Airflow into a cached virtualenv for the integration tests.
# Usage: test/env/install-airflow.sh 3|2     (idempotent: a finished install is kept)
set -euo pipefail
major="${1:?usage: install-airflow.sh 3|2}"
cache="${ORC_PEERS_CACHE:-$HOME/.cache/orc-ai-desk/peers}"
case "$major" in
  3) version="${AIRFLOW3_VERSION:-3.3.2}"; extra="" ;;
  2) version="${AIRFLOW2_VERSION:-2.11.0}"; extra="apache-airflow-providers-fab" ;;
  *) echo "unknown Airflow major version: $major" >&2; exit 2 ;;
esac
venv="$cache/airflow$major-$version"
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$venv/.installed" ]; then echo "$venv"; exit 0; fi
mkdir -p "$cache"
# Two test runs starting at once must not build the same venv side by side (a half-replaced pip breaks both):
# the second waits for the first and then finds the finished install.
exec 9>"$cache/.install-airflow$major.lock"
flock 9
if [ -f "$venv/.installed" ]; then echo "$venv"; exit 0; fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip >&2
constraints=()
if [ -f "$here/constraints-airflow$major.txt" ]; then constraints=(-c "$here/constraints-airflow$major.txt"); fi
"$venv/bin/pip" install -q "${constraints[@]}" "apache-airflow==$version" $extra >&2
touch "$venv/.installed"
echo "$venv"
