#!/usr/bin/env bash
# Kills a small pretraining run with kill -9 at random moments, resumes it with --resume, and checks
# that it ends with the same weights as an uninterrupted run (docs/RELIABILITY.md).
#   bash bench/kill_resume.sh [TRIALS=20] [WORK_DIR=/tmp/aucl-kill] [SEED_OF_THE_KILL_TIMES=1] [EPOCHS=2] [IMAGES=384]
set -uo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}
work=${2:-/tmp/aucl-kill}
RANDOM=${3:-1}
epochs=${4:-2}
images=${5:-384}
args=(pretrain --dataset "synthetic:n=$images,test=96,size=16,channels=1,classes=4,seed=5" --preset fashion-mnist
  --stem cifar --width 0.25 --proj-hidden 32 --proj-out 16 --batch-size 32 --epochs "$epochs" --lr 3e-3 --knn-k 10
  --workers 2 --seed 11 --quiet --checkpoint-every 3)
parts=(model.bin optimizer.bin objective.bin)

digest() { (cd "$1/checkpoints/last" && sha256sum "${parts[@]}"); }

rm -rf "$work" && mkdir -p "$work"
./aucl --version >/dev/null # builds the jar once
start=$(date +%s.%N)
./aucl "${args[@]}" --out "$work/reference" >/dev/null || { echo "the reference run failed"; exit 1; }
span=$(echo "$(date +%s.%N) - $start" | bc)
reference=$(digest "$work/reference")
echo "reference run: ${span} s; kills at uniform random moments in that span"

exact=0
for i in $(seq 1 "$trials"); do
  dir="$work/run-$i"
  at=$(echo "scale=2; $span * $RANDOM / 32768" | bc)
  ./aucl "${args[@]}" --out "$dir" >/dev/null 2>&1 &
  pid=$!
  sleep "$at"
  kill -9 "$pid" 2>/dev/null && killed="killed at ${at} s" || killed="finished before ${at} s"
  wait "$pid" 2>/dev/null
  state="no checkpoint"
  [[ -f "$dir/checkpoints/last/state.json" ]] && state=$(tr -d '\n ' < "$dir/checkpoints/last/state.json" | grep -o '"epoch":[0-9]*,"step":[0-9]*')
  if [[ ! -f "$dir/config.json" ]]; then
    ./aucl "${args[@]}" --out "$dir" >/dev/null 2>&1 # killed before config.json: start again
  else
    ./aucl pretrain --resume "$dir" --quiet >/dev/null 2>&1
  fi
  if [[ "$(digest "$dir" 2>/dev/null)" == "$reference" ]]; then
    exact=$((exact + 1)); verdict="exact"
  else
    verdict="DIFFERENT"
  fi
  echo "trial $i: $killed ($state): $verdict"
done
echo "$exact of $trials killed runs resumed to the reference weights"
