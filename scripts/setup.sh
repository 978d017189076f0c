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
# Kamailio for the SIP edge (packages/platform/SIP-EDGE.md): the binary and the modules its config
# loads, each from its Debian package.
kamailio_module() {
  for dir in /usr/lib/*/kamailio/modules /usr/lib/kamailio/modules; do
    [ -e "$dir/$1" ] && return 0
  done
  return 1
}
command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || missing="$missing kamailio"
kamailio_module websocket.so || missing="$missing kamailio-websocket-modules"
kamailio_module auth_ephemeral.so || missing="$missing kamailio-autheph-modules"
kamailio_module http_client.so || missing="$missing kamailio-utils-modules"
kamailio_module tls.so || missing="$missing kamailio-tls-modules"
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $missing >/dev/null
fi
# baresip plays the phones of the local phone network (packages/phone-network); rtpengine relays
# media beside Kamailio. Both are run by us, never as services: rtpengine's Debian service would
# listen on every interface and add iptables rules. So: no recommends (no kernel module, no
# iptables helper), and a policy-rc.d that forbids starting services while they install.
services=""
command -v baresip >/dev/null 2>&1 || services="$services baresip-core"
command -v rtpengine >/dev/null 2>&1 || [ -x /usr/sbin/rtpengine ] || services="$services rtpengine-daemon"
if [ -n "$services" ]; then
  echo "setup: installing Debian packages without starting their services:$services" >&2
  policy=/usr/sbin/policy-rc.d
  saved=""
  if [ -e "$policy" ]; then
    saved="$policy.frontdesk-saved"
    as_root mv "$policy" "$saved"
  fi
  restore_policy() {
    as_root rm -f "$policy"
    if [ -n "$saved" ]; then as_root mv "$saved" "$policy"; fi
  }
  trap restore_policy EXIT
  printf '#!/bin/sh\n# Written by Frontdesk setup while it installs packages: start no services.\nexit 101\n' |
    as_root tee "$policy" >/dev/null
  as_root chmod 755 "$policy"
  [ -n "$missing" ] || as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends $services >/dev/null
  restore_policy
  trap - EXIT
fi
# The platform runs its own Kamailio on loopback. Debian's service (which the package may have
# started) would listen on 5060 on every interface: stop it by its PID file.
if [ -f /run/kamailio/kamailio.pid ]; then
  pid=$(cat /run/kamailio/kamailio.pid)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "setup: stopping Debian's own Kamailio (pid $pid)" >&2
    as_root kill "$pid"
  fi
fi

pnpm install --frozen-lockfile
