#!/usr/bin/env bash
# Makes sure this machine has the system packages the tests need (Debian/Ubuntu names):
# Chromium (e2e), python3-venv (Airflow peers), a JDK 17 and Maven (Neo4j peer), Prometheus and
# Alertmanager (monitoring peers), poppler-utils (PDF report pages).
# As root, or with passwordless sudo, it installs what is missing with apt-get; otherwise it stops at
# once and prints the exact command to run. `npm test` runs it first (the `pretest` script).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
python3 -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || command -v alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y ${need[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "provision: missing ${need[*]}, and this is not a Debian/Ubuntu machine: install their equivalents, then run npm test again." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
  echo "provision: the tests need ${need[*]}. Run:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  echo "then npm test again." >&2
  exit 1
fi
echo "provision: installing ${need[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
