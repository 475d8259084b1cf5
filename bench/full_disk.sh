#!/usr/bin/env bash
# A real full disk and a read-only folder (docs/RELIABILITY.md, storage): a tiny synthetic pretraining
# into a size-limited tmpfs that fills while the second epoch's checkpoint is written. Checks: exit
# code 2 with one sentence (no stack trace, not "bug"), no *.tmp left, the last checkpoint verifies
# (manifest SHA-256), and after the space is freed --resume ends with the weights of an uninterrupted
# run. Needs root (mount); prints PASS or FAIL per check.
#   sudo bash bench/full_disk.sh [WORK_DIR=/tmp/aucl-full]     (AUCL=launcher to use another one)
set -uo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/aucl-full}
disk="$work/disk"
ro="$work/ro"
for m in "$disk" "$ro"; do mountpoint -q "$m" && umount "$m"; done
rm -rf "$work" && mkdir -p "$disk" "$ro"
aucl=${AUCL:-./aucl} # AUCL: another launcher (a copy of the jar while the worktree rebuilds)
$aucl --version >/dev/null # builds the jar once
args=(pretrain --dataset "synthetic:n=128,test=64,size=16,channels=1,classes=4,seed=5" --preset fashion-mnist
  --stem cifar --width 0.25 --proj-hidden 32 --proj-out 16 --batch-size 32 --epochs 3 --knn-k 10 --workers 2
  --seed 3 --checkpoint-every 0 --quiet)
failed=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "PASS  $name"; else echo "FAIL  $name"; failed=1; fi
}
verifies() { # the manifest's SHA-256 of every file of checkpoint folder $1
  python3 - "$1" <<'EOF'
import hashlib, json, os, sys
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))["sha256"]
sys.exit(0 if m and all(hashlib.sha256(open(os.path.join(d, f), "rb").read()).hexdigest() == h for f, h in m.items()) else 1)
EOF
}
sums() { (cd "$1/checkpoints/last" && sha256sum model.bin optimizer.bin objective.bin); }

# 1. the reference, on the ordinary disk: its size decides the tmpfs's
$aucl "${args[@]}" --out "$work/ref" >/dev/null 2>&1 || { echo "FAIL  the reference run"; exit 1; }
ckpt=$(du -sk "$work/ref/checkpoints/last" | cut -f1)
# epoch 1 writes last and best (its kNN is the first); epoch 2's last.tmp needs a third copy
size=$((ckpt * 5 / 2 + 512))
mount -t tmpfs -o size=${size}k tmpfs "$disk" || { echo "SKIP  cannot mount a tmpfs here"; exit 2; }
echo "checkpoint ${ckpt} kB; tmpfs of ${size} kB"

# 2. the full disk
$aucl "${args[@]}" --out "$disk/run" >"$work/full.out" 2>"$work/full.err"
rc=$?
echo "exit code $rc; stderr: $(cat "$work/full.err")"
check "exit code 2" test "$rc" -eq 2
check "one line on stderr" test "$(grep -c . "$work/full.err")" -eq 1
check "no stack trace, not called a bug" bash -c "! grep -qiE 'exception|bug|^\s+at ' '$work/full.err'"
check "says the disk is full" grep -q "No space left on device" "$work/full.err"
left=$(find "$disk" -name '*.tmp')
check "no *.tmp left behind" test -z "$left"
check "checkpoints/last verifies" verifies "$disk/run/checkpoints/last"
check "checkpoints/last is epoch 1's" grep -q '"epoch" : 1,' "$disk/run/checkpoints/last/state.json"
df -k "$disk" | tail -1

# 3. space freed: the run resumes and ends as the reference did
mount -o remount,size=64m "$disk"
$aucl pretrain --resume "$disk/run" --quiet >"$work/resume.out" 2>&1
check "--resume after freeing space exits 0" test $? -eq 0
sums "$disk/run" >"$work/resumed.sha256"; cp "$disk/run/metrics.jsonl" "$work/resumed-metrics.jsonl"
check "resumed weights equal the uninterrupted run's" diff <(sums "$work/ref") "$work/resumed.sha256"
umount "$disk"

# 4. a read-only output folder (root ignores permissions, so a read-only mount)
mount -t tmpfs -o ro,size=1m tmpfs "$ro"
$aucl "${args[@]}" --out "$ro/run" >/dev/null 2>"$work/ro.err"
rc=$?
echo "read-only: exit code $rc; stderr: $(cat "$work/ro.err")"
check "read-only folder: exit code 2, one line" test "$rc" -eq 2 -a "$(grep -c . "$work/ro.err")" -eq 1
umount "$ro"
[[ $failed == 0 ]] && echo "all checks passed" || echo "some checks failed"
exit $failed
