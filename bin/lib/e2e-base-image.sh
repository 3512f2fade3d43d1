#!/usr/bin/env bash
# Builds the Debian base image of the e2e containers once per machine:
# `debootstrap --variant=minbase bookworm` from the Debian mirror apt uses, imported with
# `podman import` as localhost/nexus-e2e-base:bookworm (no registry is reachable here). The Nexus
# image itself (a JDK and the launcher's jars on top) is built by the e2e tests from this one.
# Does nothing when the image exists; prints the image name on success.
set -euo pipefail
image=localhost/nexus-e2e-base:bookworm
if podman image exists "$image"; then
  echo "$image"
  exit 0
fi
exec 9>/run/lock/nexus-e2e-base-image.lock
flock 9
podman image exists "$image" && { echo "$image"; exit 0; }
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}
root=$(mktemp -d /var/tmp/nexus-e2e-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "e2e base image: debootstrap --variant=minbase bookworm from $mirror (once per machine)" >&2
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1; then
  tail -20 "$root.log" >&2
  echo "e2e base image: debootstrap failed (log $root.log)" >&2
  exit 1
fi
rm -f "$root.log"
tar -C "$root" -c . | podman import -q --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
echo "$image"
