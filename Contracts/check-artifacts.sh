#!/usr/bin/env bash
# Checks that the committed artifacts are exactly what the pinned compiler makes from src/:
# npm ci (solc + OpenZeppelin at the versions in package-lock.json), then compile in memory and compare bytes.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node compile.mjs --check
