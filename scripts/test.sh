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
# Test assemblies run one after another (2 cores); tests inside an assembly run in parallel.
dotnet test GreenCompute.sln -c Release --no-build -nologo -v q -m:1 \
  --logger "trx" --results-directory "$results" "$@"
