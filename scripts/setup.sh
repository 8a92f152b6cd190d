#!/usr/bin/env bash
# Installs the system packages RiskScore builds against (Debian/Ubuntu): libzstd-dev, pkg-config
# and the zstd command (used by some tests). Does nothing when they are already there.
set -euo pipefail
missing=()
pkg-config --exists libzstd 2>/dev/null || missing+=(libzstd-dev)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v zstd >/dev/null || missing+=(zstd)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
