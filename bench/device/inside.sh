#!/usr/bin/env bash
# Runs inside the unpacked archive (see run.sh): finds a Vulkan loader and the NVIDIA driver's
# manifest, measures PyTorch CUDA, then webgpu through Dawn. Results go to $OUT when set (the
# device tool brings that folder back), else beside this script.
set -uo pipefail
dir="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$dir}"
mkdir -p "$out"
dry=0
args=()
for a in "$@"; do if [ "$a" = --dry-run ]; then dry=1; else args+=("$a"); fi; done
cat "$dir/manifest.json"

# Vulkan's loader and glvnd's dispatcher (NVIDIA's Vulkan driver needs it): the system's where it
# has them, else Debian's from the archive. (grep without -q: with pipefail, -q's early exit would
# fail ldconfig with SIGPIPE.)
for lib in "$dir"/lib/*/*.so.*; do
  [ -e "$lib" ] || continue
  if ! ldconfig -p 2>/dev/null | grep "$(basename "$lib")" >/dev/null; then
    export LD_LIBRARY_PATH="$(dirname "$lib")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "[device] $(basename "$lib"): the archive's (Debian)"
  fi
done
# The NVIDIA driver's Vulkan manifest, also where the loader does not look (a container's /usr/local/nvidia).
if [ -z "${VK_ICD_FILENAMES:-}${VK_DRIVER_FILES:-}" ]; then
  for f in /usr/share/vulkan/icd.d/nvidia_icd*.json /etc/vulkan/icd.d/nvidia_icd*.json \
           /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd*.json /usr/local/nvidia/icd.d/nvidia_icd*.json; do
    if [ -f "$f" ]; then export VK_DRIVER_FILES="$f"; echo "[device] Vulkan driver: $f"; break; fi
  done
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/[device] GPU: /' || true

if [ "$dry" = 1 ]; then
  configs=8x8; device=cpu; torch_steps=2
  bench=(--configs "$configs" --pools 1,2 --steps 1 --warmup 1 --images 64 --budget-s 600)
else
  configs=32x64,32x128,64x64,64x128; device=cuda; torch_steps=50
  bench=(--configs "$configs" --pools 1,2,4 --steps 20 --warmup 3 --images 1024 --budget-s 170)
fi

# 1. PyTorch on the same machine: the reference every ratio is taken against.
torch_rows="$out/pytorch.jsonl"
: > "$torch_rows"
if python3 -c "import sys, torch; sys.exit(0 if '$device' == 'cpu' or torch.cuda.is_available() else 1)" 2>/dev/null; then
  timeout 90 python3 "$dir/pytorch_simplecnn.py" --device "$device" --threads 2 --steps "$torch_steps" --warmup 3 --configs "$configs" > "$torch_rows" \
    || echo "[device] PyTorch ($device) failed; no reference rows" >&2
else
  echo "[device] PyTorch with $device is not available here; no reference rows" >&2
fi

# 2. webgpu: Dawn in Node worker threads, the trainer the page runs.
timeout 240 "$dir/node" "$dir/bench.mjs" "${bench[@]}" --pytorch "$torch_rows" --out "$out/device-bench.jsonl" "${args[@]}"
status=$?
if [ "$status" != 0 ]; then
  # What the next try needs to know: which drivers the loader could have seen.
  echo "[device] webgpu run failed ($status); VK_DRIVER_FILES=${VK_DRIVER_FILES:-} VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-}" >&2
  ls -l /usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/local/nvidia/share/vulkan/icd.d 2>&1 | sed 's/^/[device]   /' >&2
fi
exit "$status"
