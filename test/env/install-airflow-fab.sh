#!/usr/bin/env bash
# Adds the FAB auth manager (apache-airflow-providers-fab) to the cached Airflow 3 for the integration tests, as a
# small venv layered over the Airflow 3 venv (a .pth file puts its site-packages on the path) instead of inside it:
# the provider pins python-dateutil<3 and would downgrade the shared venv (4.0.0) under the other Airflow 3 tests.
# Usage: test/env/install-airflow-fab.sh     (idempotent: a finished install is kept; run install-airflow.sh 3 first)
set -euo pipefail
cache="${ORC_PEERS_CACHE:-$HOME/.cache/orc-ai-desk/peers}"
af_version="${AIRFLOW3_VERSION:-3.3.2}"
# The provider release that supports this Airflow (3.10.x requires apache-airflow>=3.0.2).
fab_version="${AIRFLOW_FAB_VERSION:-3.10.2}"
base="$cache/airflow3-$af_version"
venv="$cache/airflow3-$af_version-fab-$fab_version"
if [ -f "$venv/.installed" ]; then echo "$venv"; exit 0; fi
if [ ! -f "$base/.installed" ]; then echo "install-airflow-fab: $base is not installed (run install-airflow.sh 3)" >&2; exit 1; fi
exec 9>"$cache/.install-airflow3-fab.lock"
flock 9
if [ -f "$venv/.installed" ]; then echo "$venv"; exit 0; fi
rm -rf "$venv"
python3 -m venv "$venv"
site="$(ls -d "$venv"/lib/python3*/site-packages)"
ls -d "$base"/lib/python3*/site-packages >"$site/orc-airflow3-base.pth"
"$venv/bin/pip" install -q "apache-airflow-providers-fab==$fab_version" >&2
# The base venv's `airflow` script runs the base interpreter (which does not see the provider): one for this venv.
printf '#!%s\nimport sys\nfrom airflow.__main__ import main\nif __name__ == "__main__":\n    sys.exit(main())\n' "$venv/bin/python" >"$venv/bin/airflow"
chmod +x "$venv/bin/airflow"
touch "$venv/.installed"
echo "$venv"
