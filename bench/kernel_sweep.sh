#!/usr/bin/env bash
# `aucl bench kernels` at one and two PyTorch threads, with oneDNN's instruction set unset and capped
# at AVX2, three seeds each: the table of docs/MODELS.md ("Convolution kernels checked against
# float64"). Writes one file per setting into OUT_DIR and prints each file's summary lines.
#   bash bench/kernel_sweep.sh OUT_DIR [extra bench-kernels options, e.g. --channels 80,96,128,192,256]
set -euo pipefail
out="${1:?usage: bench/kernel_sweep.sh OUT_DIR [bench kernels options]}"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
for seed in 1 2 3; do
  for threads in 1 2; do
    for isa in unset AVX2; do
      file="$out/isa-$isa-threads$threads-seed$seed.md"
      if [[ $isa == unset ]]; then
        env -u ONEDNN_MAX_CPU_ISA "$here/aucl" bench kernels --threads "$threads" --seed "$seed" "$@" > "$file" 2>/dev/null || true
      else
        ONEDNN_MAX_CPU_ISA=$isa "$here/aucl" bench kernels --threads "$threads" --seed "$seed" "$@" > "$file" 2>/dev/null || true
      fi
      echo "$file: $(grep -E '^(Wrong|Every)' "$file")"
    done
  done
done
