#!/usr/bin/env bash
# The two-view loader on photos: aucl's against torchvision's DataLoader, with the imagenet preset's
# augmentations (bench/torch_loader_bench.py), batch 64, as many loader threads as worker processes, at
# 96 and 224 px. Generates FOLDER (2,000 JPEGs of about 500 x 375 in 5 classes) if it is missing.
# Prints each tool's first epoch (every image decoded) and second epoch (aucl keeps decoded images
# that fit in a quarter of its heap; torchvision decodes again), then the processor and the machine's
# reference figure, so that the ratios can be compared between machines.
#
#   bench/photo_loader.sh [FOLDER] [THREADS]      # default /tmp/aucl-photos-2000, 2
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-/tmp/aucl-photos-2000}
threads=${2:-2}
py=/usr/bin/python3
if [[ ! -d "$folder" ]]; then
  "$py" bench/photo_folder.py "$folder" --count 2000 --layout classes >/dev/null
fi
batches=$(( $(find "$folder" -type f -name '*.jpg' -o -type f -name '*.png' | wc -l) / 64 ))
for size in 96 224; do
  echo "== $size px"
  # first epoch: no warm-up, one epoch's batches; second epoch: one epoch of warm-up, then the next
  AUCL_BUILD=0 ./aucl bench loader --dataset "$folder" --preset imagenet --output-size "$size" --batch-size 64 \
      --threads "$threads" --warmup 0 --batches "$batches" --repeats 1 | sed 's/^threads/aucl first epoch: threads/'
  AUCL_BUILD=0 ./aucl bench loader --dataset "$folder" --preset imagenet --output-size "$size" --batch-size 64 \
      --threads "$threads" --warmup "$batches" --batches "$batches" --repeats 1 | tail -1 | sed 's/^threads/aucl second epoch: threads/'
  "$py" bench/torch_loader_bench.py "$folder" --size "$size" --batch-size 64 --workers "$threads" --epochs 2
done
lscpu | grep -E 'Model name|CPU family|^Model:'
"$py" bench/torch_train_bench.py --model resnet18 --image-size 32 --channels 3 --batch-size 64 --threads 2 | grep -E "^train:"
