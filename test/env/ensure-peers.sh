#!/usr/bin/env bash
# Installs everything the integration-test peers need, idempotently (cached under
# ${ORC_PEERS_CACHE:-$HOME/.cache/orc-ai-desk/peers} and ~/.m2), so that the tests only start them:
#   - Airflow 3 and Airflow 2 venvs (test/env/install-airflow.sh 3|2, in parallel)
#   - the embedded Neo4j launcher (mvn package of test/env/neo4j, via test/env/neo4j.ts)
#   - the migrated template metadata DBs for both Airflows (via test/env/airflow.ts)
#   - with af3: the FAB auth manager over it and its template DB with FAB users (test/env/airflow-fab.ts), for the
#     peer a test file starts on request (test/env/lazy-peers.ts)
# Usage: test/env/ensure-peers.sh [af3,af2,neo4j]   (default: $ORC_PEERS or all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${ORC_PEERS_CACHE:-$HOME/.cache/orc-ai-desk/peers}"
mkdir -p "$cache"
sel="${1:-${ORC_PEERS:-af3,af2,neo4j}}"
[ "$sel" = "all" ] && sel="af3,af2,neo4j"
has() { case ",$sel," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

tsx="$root/node_modules/.bin/tsx"
if [ ! -x "$tsx" ]; then echo "ensure-peers: $tsx missing (run npm install first)" >&2; exit 1; fi

pids=(); names=(); logs=()
run() { # name, log, command...
  local name="$1" log="$2"; shift 2
  (
    start=$(date +%s)
    if "$@" >"$log" 2>&1; then
      echo "ensure-peers: $name ready in $(( $(date +%s) - start )) s"
    else
      rc=$?
      echo "ensure-peers: $name FAILED after $(( $(date +%s) - start )) s (exit $rc); last lines of $log:" >&2
      tail -n 40 "$log" >&2
      exit "$rc"
    fi
  ) &
  pids+=("$!"); names+=("$name"); logs+=("$log")
}

# The Airflow step installs the venv (if missing) and builds the template DB (if missing).
prep_airflow() { "$tsx" -e "import('$here/airflow.ts').then(async (m) => { const mod = m.default ?? m; await mod.prepareAirflow($1); })"; }
prep_airflow_fab() { "$tsx" -e "import('$here/airflow-fab.ts').then(async (m) => { const mod = m.default ?? m; await mod.prepareAirflowFab(); })"; }
prep_neo4j() { "$tsx" -e "import('$here/neo4j.ts').then(async (m) => { const mod = m.default ?? m; await mod.ensureNeo4jLauncher(); })"; }

# FAB layers over the Airflow 3 venv and template DB, so it is prepared after them.
prep_af3() { prep_airflow 3 && prep_airflow_fab; }
has af3 && run "Airflow 3 + FAB auth manager (venv + template DB)" "$cache/ensure-af3.log" prep_af3
has af2 && run "Airflow 2 (venv + template DB)" "$cache/ensure-af2.log" prep_airflow 2
has neo4j && run "Neo4j launcher (mvn package)" "$cache/ensure-neo4j.log" prep_neo4j

status=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=1
done
exit "$status"
