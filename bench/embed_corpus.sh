#!/usr/bin/env bash
# Embeds generated folders of small JPEGs (by default 10,000 and 100,000, 64 x 64, no labels) with
# `aucl embed` and reports images/s and the process's peak resident memory for each: the writers stream,
# so the peaks should agree within a few percent whatever the number of images.
#
#   bench/embed_corpus.sh [WORK_DIR] [COUNT ...]      # default: /tmp/aucl-embed-bench 10000 100000
#
# Needs /usr/bin/python3 with Pillow and NumPy (Debian: python3-pil python3-numpy) to write the folders,
# and GNU time (/usr/bin/time) for the peak memory. Generating 100,000 images takes several minutes; the
# folders are kept in WORK_DIR and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/aucl-embed-bench}
shift || true
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(10000 100000)
mkdir -p "$work"

run="$work/run"
if [[ ! -f "$run/checkpoints/last/model.bin" ]]; then
  rm -rf "$run"
  # the weights do not matter for speed or memory: one short epoch of RGB 64 x 64 images
  ./aucl pretrain --dataset synthetic:n=256,test=64,size=64,channels=3,classes=4 --epochs 1 --batch-size 64 \
    --final-evals none --quiet --out "$run" >/dev/null
fi

printf '| images | format | seconds | images/s | peak RSS (MiB) |\n| --- | --- | --- | --- | --- |\n'
for n in "${counts[@]}"; do
  dir="$work/jpeg-$n"
  if [[ ! -f "$dir/.complete" ]]; then
    rm -rf "$dir"
    /usr/bin/python3 bench/photo_folder.py "$dir" --count "$n" --size 64 --layout flat >/dev/null
    touch "$dir/.complete"
  fi
  out="$work/embed-$n.parquet"
  log="$work/embed-$n.time"
  AUCL_BUILD=0 /usr/bin/time -v ./aucl embed "$run" --dataset "$dir" --out "$out" --quiet >"$work/embed-$n.out" 2>"$log"
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  line=$(grep '^wrote ' "$work/embed-$n.out")
  secs=$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$line")
  rate=$(sed -E 's/.*\(([0-9]+) images\/s\).*/\1/' <<<"$line")
  printf '| %d | parquet | %s | %s | %d |\n' "$n" "$secs" "$rate" $((rss_kb / 1024))
done
