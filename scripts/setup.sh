#!/bin/sh
# Installs what a fresh machine lacks, then the workspace's packages from the lockfile.
# Called by `npm start` and `npm test`; quick when everything is already there.
set -eu
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm" >&2
  # corepack fails its signature checks on these machines; npm's global install works.
  as_root npm install --global --silent pnpm@10
fi

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $missing >/dev/null
fi

pnpm install --frozen-lockfile --reporter=silent
