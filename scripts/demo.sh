#!/usr/bin/env bash
# Sets up a fresh machine and runs the main job: generate a labelled sample stream, score it with
# the default policy, print decisions and a summary. Extra arguments go to `riskscore demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product riskscore
.build/release/riskscore demo "$@"
