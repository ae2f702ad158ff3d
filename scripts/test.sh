#!/usr/bin/env bash
# Runs every test in the solution. Installs the test servers it needs when they are missing.
# Test results (TRX) land in ${TEST_RESULTS:-artifacts/test-results}.
set -euo pipefail
cd "$(dirname "$0")/.."

results="${TEST_RESULTS:-artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

# Real servers the integration tests start on loopback ports arrive with their issues
# (Mosquitto, influxd, anvil, Chromium); scripts/install-test-deps.sh installs what is missing.
if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh
fi

# The committed contract artifacts must be exactly what the pinned solc makes of Contracts/src.
bash Contracts/check-artifacts.sh
# The committed front-end files (htmx, its SSE extension, uPlot) must be exactly the pinned npm packages' files.
bash Web/GreenCompute.Web/assets/check-assets.sh

dotnet build GreenCompute.sln -c Release -nologo -v q
# Test assemblies run one after another (2 cores); tests inside an assembly run in parallel. A test host silent for
# 10 minutes is hung: it is stopped (its running tests count as failed) instead of eating CI's time budget.
dotnet test GreenCompute.sln -c Release --no-build -nologo -v q -m:1 --blame-hang-timeout 10m \
  --logger "trx" --results-directory "$results" "$@"
