#!/usr/bin/env bash
# What runs on a GPU machine without registry access: the device, PyTorch from Python on it, and
# aucl's JVM against the machine's own libtorch (DJL's CUDA natives for 2.7.1 are not served here).
# Expects target/gpu-lib/ to hold aucl.jar and its dependencies minus the CPU natives.
#   bench/gpu_probe.sh
set -uo pipefail
cd "$(dirname "$0")/.."
echo "== device"; nvidia-smi -L 2>&1 | head -3
echo "== python torch"; python3 -c "import torch; print(torch.__version__, 'cuda', torch.version.cuda, 'available', torch.cuda.is_available())" 2>&1
echo "== java"; (command -v java && java -version) 2>&1 | head -3
echo "== PyTorch reference step on the GPU (fp32, then bf16 autocast)"
for extra in "" "--bf16"; do
  timeout 120 python3 bench/torch_train_bench.py --model resnet18 --image-size 32 --channels 3 --batch-size 64 --device cuda --steps 30 --warmup 5 $extra 2>&1 | grep -E "^(torch|train|MFU)"
  timeout 120 python3 bench/torch_train_bench.py --model resnet18 --stem small --width 0.25 --image-size 28 --channels 1 --batch-size 128 --bn-passes 1 --device cuda --steps 30 --warmup 5 $extra 2>&1 | grep -E "^(train)"
done
if command -v java >/dev/null; then
  lib=$(python3 -c "import torch, os; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))")
  echo "== aucl on the machine's libtorch ($lib), DJL's 2.7.1 cu128 JNI"
  export PYTORCH_LIBRARY_PATH="$lib" PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128
  timeout 120 java -Dai.djl.offline=true -cp "target/gpu-lib/*" org.aucl.cli.Main --version 2>&1 | tail -8
  timeout 180 java -Dai.djl.offline=true -cp "target/gpu-lib/*" org.aucl.cli.Main bench train --device gpu --steps 10 --peak false 2>&1 | tail -8
fi
