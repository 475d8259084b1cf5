#!/usr/bin/env python3
"""torchvision's two-view loader on an image folder, for comparison with `aucl bench loader`: the same
ImageNet-style (SimCLR/BYOL) augmentations as aucl's `imagenet` preset, PIL images from
torchvision.datasets.ImageFolder (Image.open(f).convert("RGB")), a DataLoader with as many worker
processes as aucl has loader threads, batches of two views per image, the last partial batch dropped.

    /usr/bin/python3 bench/torch_loader_bench.py FOLDER --size 96 --batch-size 64 --workers 2 [--epochs 2]

Prints views/s of each epoch: the first includes starting the workers, as aucl's first epoch includes
its first decoding; later epochs reuse the workers (persistent_workers).
"""
import argparse
import time

import torch
from torchvision import datasets, transforms


def blur_kernel(side):
    """aucl's rule (SimCLR's): the odd size nearest 10% of the side, at least 3."""
    target = 0.1 * side
    best = min(range(3, 2 * side + 2, 2), key=lambda k: abs(k - target))
    return best


def view(size, blur_p, solarize_p):
    steps = [
        transforms.RandomResizedCrop(size, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3)),
        transforms.RandomHorizontalFlip(0.5),
        transforms.RandomApply([transforms.ColorJitter(0.4, 0.4, 0.2, 0.1)], p=0.8),
        transforms.RandomGrayscale(0.2),
    ]
    if blur_p > 0:
        steps.append(transforms.RandomApply([transforms.GaussianBlur(blur_kernel(size), (0.1, 2.0))], p=blur_p))
    if solarize_p > 0:
        steps.append(transforms.RandomSolarize(128, p=solarize_p))
    steps += [transforms.ToTensor(), transforms.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))]
    return transforms.Compose(steps)


class TwoViews:
    def __init__(self, size):
        self.v1 = view(size, 1.0, 0.0)
        self.v2 = view(size, 0.1, 0.2)

    def __call__(self, img):
        return self.v1(img), self.v2(img)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--size", type=int, default=96)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--epochs", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(1)
    ds = datasets.ImageFolder(a.folder, transform=TwoViews(a.size))
    loader = torch.utils.data.DataLoader(ds, batch_size=a.batch_size, shuffle=True, num_workers=a.workers,
                                         drop_last=True, persistent_workers=a.workers > 0)
    print(f"torchvision {__import__('torchvision').__version__}, torch {torch.__version__}: {len(ds)} images, "
          f"views {a.size}, batch {a.batch_size}, {a.workers} workers")
    for e in range(a.epochs):
        t0 = time.time()
        n = 0
        for (v1, v2), _ in loader:
            n += v1.shape[0] + v2.shape[0]
        dt = time.time() - t0
        print(f"epoch {e}: {n / dt:,.0f} views/s ({n} views in {dt:.1f} s)")


if __name__ == "__main__":
    main()
