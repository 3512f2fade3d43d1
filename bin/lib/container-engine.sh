# Sourced by bin/test (and bin/soak) before `mvn verify`: gets a container engine the e2e fault
# tests can use through Testcontainers (podman from Debian serving the Docker API on a socket),
# and exports DOCKER_HOST / TESTCONTAINERS_RYUK_DISABLED for the Maven run. Idempotent; a second
# run only checks (well under a second). It never fails the caller: when no engine can be had it
# says why, and the e2e tests run every scenario with network namespaces instead.
#
# What podman needs on this kind of machine (see ../shared/notes/this-machine.md):
# - crun refuses cgroup "hybrid mode" while the cgroup2 mount holds a controller: hugetlb starts on
#   it here, so it is moved to a v1 hierarchy of its own;
# - default container rlimits must stay under the hard limits (nofile 20000, nproc 96364);
# - no registry is reachable: images are built locally (see bin/lib/e2e-base-image.sh).

nexus_engine_socket=/run/podman/podman.sock

nexus_engine_log() {
  echo "container engine: $*" >&2
}

nexus_engine_ping() {
  [ -S "$nexus_engine_socket" ] &&
    [ "$(curl -s -m 2 --unix-socket "$nexus_engine_socket" http://d/_ping 2>/dev/null)" = OK ]
}

# Installs the Debian packages podman and the netns backend need, only the missing ones.
nexus_engine_packages() {
  local need=() cmd pkg
  # netavark sets up container networks with iptables: without it every container start fails.
  for pair in podman:podman ip:iproute2 tc:iproute2 nsenter:util-linux debootstrap:debootstrap \
      curl:curl iptables:iptables; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
  done
  # podman 4.3 networks through netavark (or the CNI plugins); Debian recommends them only.
  if command -v podman >/dev/null 2>&1 || [[ " ${need[*]} " == *" podman "* ]]; then
    [ -x /usr/lib/podman/netavark ] || [ -d /usr/lib/cni ] || need+=(netavark aardvark-dns)
  fi
  [ ${#need[@]} -eq 0 ] && return 0
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  nexus_engine_log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 &&
      apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; }
}

# crun: no controller may stay on the cgroup2 mount of a hybrid hierarchy.
nexus_engine_cgroups() {
  local unified=/sys/fs/cgroup/unified/cgroup.controllers
  [ -f "$unified" ] || return 0
  grep -qw hugetlb "$unified" || return 0
  if ! mountpoint -q /sys/fs/cgroup/hugetlb; then
    mkdir -p /sys/fs/cgroup/hugetlb
    mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb
  fi
  [ -z "$(tr -d '[:space:]' <"$unified")" ]
}

# Container rlimits at or below this machine's hard limits, or crun's setrlimit fails.
nexus_engine_ulimits() {
  local conf=/etc/containers/containers.conf
  mkdir -p /etc/containers
  [ -f "$conf" ] && grep -q '^[[:space:]]*default_ulimits' "$conf" && return 0
  if [ -f "$conf" ] && grep -q '^\[containers\]' "$conf"; then
    sed -i '/^\[containers\]/a default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]' "$conf"
  else
    printf '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n' >>"$conf"
  fi
}

nexus_engine_service() {
  # A service started (by an older version of this script) in a directory deleted since answers
  # pings but cannot start containers: replace it.
  local old
  for old in $(pgrep -f "podman system service.*$nexus_engine_socket" || true); do
    if readlink "/proc/$old/cwd" 2>/dev/null | grep -q ' (deleted)$'; then
      nexus_engine_log "restarting the podman service: the directory it ran in was deleted"
      kill "$old" 2>/dev/null || true
      sleep 1
    fi
  done
  nexus_engine_ping && return 0
  mkdir -p /run/podman
  rm -f "$nexus_engine_socket"
  # setsid: the service outlives this script and the Maven run, like a system daemon would. From /,
  # as a daemon should: conmon fails every container start ("Failed to get working directory")
  # once the directory the service was started in is deleted, e.g. the clone that ran the tests.
  (cd / && setsid nohup podman system service --time=0 "unix://$nexus_engine_socket" \
    >/var/log/nexus-podman-service.log 2>&1 </dev/null &)
  local i
  for i in $(seq 1 50); do
    nexus_engine_ping && return 0
    sleep 0.2
  done
  return 1
}

nexus_engine_setup() {
  if [ "$(id -u)" -ne 0 ]; then
    nexus_engine_log "not root: no podman set-up (the e2e fault tests need root for either backend)"
    return 0
  fi
  if ! nexus_engine_packages; then
    nexus_engine_log "could not install podman; e2e fault tests will use network namespaces"
    return 0
  fi
  if ! command -v podman >/dev/null 2>&1; then
    nexus_engine_log "podman missing; e2e fault tests will use network namespaces"
    return 0
  fi
  if ! nexus_engine_cgroups; then
    nexus_engine_log "cgroup2 still holds controllers (crun cannot run); using network namespaces"
    return 0
  fi
  nexus_engine_ulimits
  if ! nexus_engine_service; then
    nexus_engine_log "podman system service did not answer /_ping (see" \
      "/var/log/nexus-podman-service.log); e2e fault tests will use network namespaces"
    return 0
  fi
  export DOCKER_HOST="unix://$nexus_engine_socket"
  export TESTCONTAINERS_RYUK_DISABLED=true
  # Testcontainers' start-up checks pull alpine, which no registry here serves.
  export TESTCONTAINERS_CHECKS_DISABLE=true
  nexus_engine_log "podman answers on $nexus_engine_socket (DOCKER_HOST exported)"
  # The Debian base image of the e2e containers, built once per machine.
  if ! "$(dirname "${BASH_SOURCE[0]}")/e2e-base-image.sh" >/dev/null; then
    nexus_engine_log "no base image (see above); e2e fault tests will use network namespaces"
    export NEXUS_E2E_NO_CONTAINERS="the e2e base image could not be built (bin/lib/e2e-base-image.sh)"
  fi
}

nexus_engine_setup || nexus_engine_log "set-up failed (see above); e2e fault tests will use namespaces"
