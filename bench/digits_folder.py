#!/usr/bin/env python3
"""Writes scikit-learn's bundled handwritten digits (UCI optdigits test set: 1,797 grey 8x8 images, 10
classes) as a folder of PNGs with one sub-folder per class, for a transfer evaluation that needs no
network: the closest stand-in for MNIST on a machine that cannot download it.

    /usr/bin/python3 bench/digits_folder.py OUT_DIR
    ./aucl eval linear RUN --dataset OUT_DIR     # a folder without test split: split 80/20 by aucl
"""
import os
import sys

import numpy as np
from PIL import Image
from sklearn.datasets import load_digits


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: digits_folder.py OUT_DIR")
    out = sys.argv[1]
    digits = load_digits()
    # values are 0..16 (counts of set pixels in 4x4 blocks of the original 32x32 bitmaps)
    images = np.round(digits.images * (255.0 / 16.0)).astype(np.uint8)
    for i, (img, label) in enumerate(zip(images, digits.target)):
        folder = os.path.join(out, str(label))
        os.makedirs(folder, exist_ok=True)
        Image.fromarray(img, mode="L").save(os.path.join(folder, f"{i:04d}.png"))
    print(f"{len(images)} images in {out}")


if __name__ == "__main__":
    main()
