#!/usr/bin/env bash
# Copies this machine's package-manager logs (dpkg, update-alternatives) to
# $RAW/system (default /tmp/log-corpus-raw/system): real logs of the packages installed here,
# including the Prometheus and Alertmanager install of collect-prometheus.sh.
set -euo pipefail
RAW="${RAW:-/tmp/log-corpus-raw}"
mkdir -p "$RAW/system"
cp /var/log/dpkg.log /var/log/alternatives.log "$RAW/system/"
wc -l "$RAW"/system/*.log
