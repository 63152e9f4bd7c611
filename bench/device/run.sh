#!/usr/bin/env bash
# The GPU machine's one command: `bash bench/device/run.sh` from the repository root, with
# bench/device/dist carried (build it here first: `npm run bench:device:pack`). Unpacks the archive
# (Node, Dawn, the bundled benchmark) and runs inside.sh: PyTorch CUDA, then webgpu at c=32/64,
# batch 64/128, pools of 1/2/4, in under 5 minutes. `--dry-run` does tiny sizes (SwiftShader here).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
archive="${LLP_DEVICE_ARCHIVE:-$here/dist/llp-device-bench.tar.gz}"
if [ ! -f "$archive" ]; then
  echo "[device] $archive is missing: run \`npm run bench:device:pack\` and carry bench/device/dist" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/llp-device.XXXXXX")"
tar -xzf "$archive" -C "$work"
exec bash "$work/llp-device-bench/inside.sh" "$@"
