#!/usr/bin/env bash
# Every evaluation of one run's checkpoint, timed, as recorded in docs/EVALUATION.md:
#   bench/evaluate_run.sh RUN_DIR OUT_PREFIX
# writes OUT_PREFIX-{train,test}.npy (+ labels) and OUT_PREFIX-holdout.npy for the scikit-learn
# comparison. The evaluations write RUN_DIR/features/ (the feature cache): give a copy of a run you
# want untouched.
set -u
run=$1
prefix=$2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
timed() {
  echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg): $*"
  local start=$SECONDS
  "$@"
  echo "=== wall $((SECONDS - start)) s"
}
timed ./aucl eval knn "$run"
timed ./aucl eval linear "$run" --save-holdout "$prefix-holdout.npy"
timed ./aucl eval fewshot "$run" --ways 5 --shots 1,5 --episodes 600 --queries 15 --seed 0
timed ./aucl embed "$run" --split train --out "$prefix-train.npy"
timed ./aucl embed "$run" --split test --out "$prefix-test.npy"
timed /usr/bin/python3 bench/linear_sklearn.py --train "$prefix-train.npy" --test "$prefix-test.npy" \
  --holdout "$prefix-holdout.npy"
