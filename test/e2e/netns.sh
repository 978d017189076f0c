#!/bin/sh
# Runs the given command in a private network namespace where only loopback reaches anything, as
# the WebRTC end-to-end tests need: the browsers' ICE candidates stay inside the namespace, and
# everything they talk to (platform, Kamailio, demo site) must run inside it too (so PostgreSQL
# is out of reach: the e2e tests use SQLite). A veth pair joined to nothing carries a documentation
# address (192.0.2.1, TEST-NET-1): with loopback alone Chromium reports `navigator.onLine`
# false, and widgets that wait for the network would wait forever.
# Needs root (CI has it). Already inside one (FRONTDESK_NETNS=1): runs the command as it is.
set -eu
if [ "${FRONTDESK_NETNS:-}" = 1 ]; then exec "$@"; fi
exec unshare --net sh -c '
  set -e
  ip link set lo up
  ip link add fd0 type veth peer name fd1
  ip addr add 192.0.2.1/32 dev fd0
  ip link set fd0 up
  ip link set fd1 up
  FRONTDESK_NETNS=1 exec "$@"
' netns "$@"
