#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when something is missing.
# kubectl is not from Debian here (the machine image ships it); its test skips, saying so,
# where no kubectl exists.
set -euo pipefail
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: missing packages ${need[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "test: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
