#!/usr/bin/env bash
# The committed front-end files in wwwroot/lib must be exactly the pinned npm packages' files.
#   check-assets.sh          re-fetch with npm ci into a temporary folder and compare byte for byte (exit 1 on a difference)
#   check-assets.sh --update copy the fetched files into wwwroot/lib (after changing a version in package.json)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../wwwroot/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
status=0
while read -r from to; do
  case "$from" in ''|'#'*) continue ;; esac
  if [ "${1:-}" = "--update" ]; then
    mkdir -p "$(dirname "$lib/$to")"
    cp "$work/node_modules/$from" "$lib/$to"
  elif ! cmp -s "$work/node_modules/$from" "$lib/$to"; then
    echo "check-assets: wwwroot/lib/$to differs from npm $from (run Web/GreenCompute.Web/assets/check-assets.sh --update)" >&2
    status=1
  fi
done < "$here/files.txt"
[ $status -eq 0 ] && [ "${1:-}" != "--update" ] && echo "check-assets: wwwroot/lib matches the pinned npm packages"
exit $status
