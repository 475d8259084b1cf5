#!/usr/bin/env bash
# aucl against PyTorch from Python on the same training step, alternately, in rounds, on two
# workloads; prints each figure and the ratio aucl / PyTorch with its spread (min..max over rounds).
#   bench/compare.sh [ROUNDS] [--bf16]
# ROUNDS defaults to 3. --bf16 also runs PyTorch with bf16 autocast, for reference (aucl has no
# bf16: docs/MODELS.md says why). Needs /usr/bin/python3 with torch (apt-get install python3-torch
# libopenblas0-pthread). Run it on an idle machine: the two halves of a pair share the CPU with
# nothing else only then. Out of the test suite: it takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
bf16=0
[[ "${2:-}" == "--bf16" || "${1:-}" == "--bf16" ]] && bf16=1
[[ "$rounds" =~ ^[0-9]+$ ]] || rounds=3
py=${PYTHON:-/usr/bin/python3}
if ! "$py" -c "import torch" 2>/dev/null; then
  echo "compare: $py has no torch; install it with: apt-get install python3-torch libopenblas0-pthread" >&2
  exit 2
fi
./aucl --version >/dev/null 2>&1 || { echo "compare: ./aucl does not start" >&2; exit 2; }

# name | model options shared by both (aucl and the Python script take the same flags)
workloads=(
  "resnet18-cifar-3x32-b64|--model resnet18 --stem cifar --width 1 --image-size 32 --channels 3 --batch-size 64 --bn-passes 2 --steps 12 --warmup 3"
  "default-job-model|--model resnet18 --stem small --width 0.25 --image-size 28 --channels 1 --batch-size 64 --bn-passes 1 --steps 30 --warmup 3"
)
rate() { sed -n 's/^train: \([0-9.]*\) pairs\/s.*/\1/p'; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  for w in "${workloads[@]}"; do
    name=${w%%|*}
    opts=${w#*|}
    a=$(./aucl bench train $opts --peak false 2>/dev/null | rate)
    t=$("$py" bench/torch_train_bench.py $opts --threads 2 2>/dev/null | rate)
    line="$r $name $a $t"
    if [[ $bf16 == 1 ]]; then
      b=$("$py" bench/torch_train_bench.py $opts --threads 2 --bf16 2>/dev/null | rate)
      line="$line $b"
    fi
    echo "$line" | tee -a "$out"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$bf16" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
bf16 = sys.argv[2] == "1"
print()
print("| workload | aucl fp32 pairs/s | PyTorch fp32 pairs/s | ratio aucl / PyTorch (mean, min..max) |" + (" PyTorch bf16 pairs/s | aucl fp32 / PyTorch bf16 |" if bf16 else ""))
print("|---|---|---|---|" + ("---|---|" if bf16 else ""))
for name in dict.fromkeys(r[1] for r in rows):
    rs = [r for r in rows if r[1] == name]
    a = [float(r[2]) for r in rs]; t = [float(r[3]) for r in rs]
    ratio = [x / y for x, y in zip(a, t)]
    cells = [name, " ".join(f"{x:.1f}" for x in a), " ".join(f"{x:.1f}" for x in t),
             f"{statistics.mean(ratio):.2f} ({min(ratio):.2f}..{max(ratio):.2f})"]
    if bf16:
        b = [float(r[4]) for r in rs]
        rb = [x / y for x, y in zip(a, b)]
        cells += [" ".join(f"{x:.1f}" for x in b), f"{statistics.mean(rb):.2f} ({min(rb):.2f}..{max(rb):.2f})"]
    print("| " + " | ".join(cells) + " |")
PY
