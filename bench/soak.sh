#!/usr/bin/env bash
# Resident memory of a long run: a small synthetic pretraining of 51 epochs, the java process's RSS
# read from /proc when metrics.jsonl holds 5 and 50 epochs (docs/RELIABILITY.md).
#   bash bench/soak.sh [WORK_DIR=/tmp/aucl-soak]
set -uo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/aucl-soak}
rm -rf "$work" && mkdir -p "$work"
./aucl --version >/dev/null # builds the jar once
./aucl pretrain --dataset "synthetic:n=512,test=128,size=16,channels=1,classes=4,seed=5" --preset fashion-mnist \
  --stem cifar --width 0.25 --proj-hidden 32 --proj-out 16 --batch-size 32 --epochs 51 --knn-k 10 --workers 2 \
  --seed 3 --quiet --out "$work/run" >/dev/null 2>&1 &
pid=$!
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
at5=""
at50=""
while kill -0 "$pid" 2>/dev/null; do
  n=$(wc -l < "$work/run/metrics.jsonl" 2>/dev/null || echo 0)
  if [[ -z "$at5" && "$n" -ge 5 ]]; then at5=$(rss); fi
  if [[ -z "$at50" && "$n" -ge 50 ]]; then at50=$(rss); fi
  sleep 0.2
done
wait "$pid"
echo "RSS after epoch 5: ${at5} kB; after epoch 50: ${at50} kB"
echo "change: $(echo "scale=2; 100 * ($at50 - $at5) / $at5" | bc)%"
