#!/usr/bin/env bash
# Reruns the experiments of docs/TUNING.md, one at a time (they need the whole machine).
# Usage: bench/tune_default.sh [OUT_DIR]   (default bench/out/tuning); appends to OUT_DIR/results.txt.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/bench/out/tuning}"
mkdir -p "$out/logs"

run() {
  local name=$1
  shift
  rm -rf "$out/$name"
  local start=$SECONDS
  "$here/aucl" pretrain --quiet --out "$out/$name" "$@" > "$out/logs/$name.log" 2>&1
  local rc=$?
  local top1
  top1=$(grep -o '"finalKnnTop1" : [0-9.]*' "$out/$name/summary.json" 2>/dev/null | awk '{print $3}')
  echo "$name rc=$rc knn_top1=$top1 secs=$((SECONDS - start)) args: $*" | tee -a "$out/results.txt"
}

old="--stem cifar --width 0.25 --crop-scale 0.2,1 --auc-alpha 0 --auc-alpha-ascent=true --lr 1e-3 --bn-passes 2"
sub="--subset 10000 --knn-bank 10000 --epochs 1 --batch-size 128"
run e1-default $sub $old
run e1-simclr $sub --stem cifar --width 0.25 --crop-scale 0.2,1 --lr 1e-3 --bn-passes 2 --loss simclr
run e1-offcifar $sub --stem cifar --width 0.25 --crop-scale 0.2,1 --lr 1e-3 --bn-passes 2 --auc-preset official-cifar
run f1 --batch-size 256 --epochs 2 $old
mild="--batch-size 256 --crop-scale 0.4,1 --auc-alpha 1 --auc-alpha-ascent=false --lr 2e-3 --bn-passes 1"
run p1 $mild --epochs 1 --stem cifar --width 0.25
run p3 $mild --epochs 1 --stem imagenet --width 0.5
run f2 $mild --epochs 4 --stem imagenet --width 0.5
one="--batch-size 256 --epochs 1 --crop-scale 0.4,1 --auc-alpha 1 --auc-alpha-ascent=false --lr 2e-3 --bn-passes 1 --stem imagenet --width 0.5"
run p4 $one --auc-neg-weight 4
run p5 $one --auc-neg-weight 16
run p6 $one --auc-neg-weight 4 --auc-b 0 --auc-b-learnable=false
run default
run f3 --crop-scale 0.2,1
run f4 --loss simclr
