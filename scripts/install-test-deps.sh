#!/usr/bin/env bash
# Installs the real servers the integration tests start on loopback ports, when they are missing:
#   Debian: mosquitto + mosquitto-clients (MQTT), influxdb + influxdb-client (InfluxDB 1.6), chromium (Playwright).
#   npm (tools/test-servers): @foundry-rs/anvil (Ethereum dev chain), solc (contract compiler).
# Idempotent: does nothing when everything is present. Needs root for apt-get (CI and dev machines run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
command -v mosquitto_pub >/dev/null 2>&1 || need_apt+=(mosquitto-clients)
command -v influxd >/dev/null 2>&1 || need_apt+=(influxdb)
command -v influx >/dev/null 2>&1 || need_apt+=(influxdb-client)
# The web tests drive Debian's Chromium through Playwright (ExecutablePath); Playwright never downloads a browser.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-test-deps: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f tools/test-servers/package.json ]; then
  if [ ! -x tools/test-servers/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ]; then
    # npm install, not npm ci: the lock file holds only this platform's optional binary package, which npm ci refuses.
    echo "install-test-deps: npm install in tools/test-servers"
    (cd tools/test-servers && npm install --no-audit --no-fund --loglevel=error)
  fi
fi
