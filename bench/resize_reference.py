#!/usr/bin/env python3
"""Writes the reference images of the antialiased-resize test (src/test/resources/resize) with PIL, so the
test suite needs no Python. Run once; the same command writes the same bytes.

    /usr/bin/python3 bench/resize_reference.py src/test/resources/resize

input.png: 64 x 48 RGB with fine detail (one-pixel lines, a checkerboard, noise). For each case, PIL's
Image.resize (reducing_gap None: PIL's own antialias, the filter's support widened by the downscale
factor) of each channel as a float image (mode "F", so nothing is rounded to 8 bits), written as
little-endian float32 in CHW order, values in [0, 255]: CASE.f32. The crop case crops first, as
torchvision's resized_crop does; the centre-crop case
is torchvision's evaluation transform, Resize(17) then CenterCrop(17). Prints how far PIL's 8-bit RGB resize is from the float one (8-bit bicubic also clips
its overshoot to [0, 255]; the float one does not).
"""
import os
import sys

import numpy as np
from PIL import Image

CASES = [
    # name, filter, crop box (left, top, right, bottom) or None, output (width, height)
    ("bilinear-17x13", Image.BILINEAR, None, (17, 13)),
    ("bilinear-26x20", Image.BILINEAR, None, (26, 20)),
    ("bicubic-17x13", Image.BICUBIC, None, (17, 13)),
    ("bicubic-26x20", Image.BICUBIC, None, (26, 20)),
    ("bilinear-crop-19x9", Image.BILINEAR, (7, 3, 57, 43), (19, 9)),
    ("bilinear-mixed-30x10", Image.BILINEAR, (7, 3, 27, 43), (30, 10)),  # wider, shorter
    ("centercrop-17", Image.BILINEAR, None, (22, 17)),  # then the centre 17 x 17
]


def detailed_image():
    rng = np.random.RandomState(27)
    h, w = 48, 64
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.zeros((h, w, 3), dtype=np.float64)
    img[..., 0] = 255.0 * ((xx % 2) == 0)                       # one-pixel vertical lines
    img[..., 1] = 255.0 * (((xx // 3) + (yy // 3)) % 2)          # 3-pixel checkerboard
    img[..., 2] = rng.randint(0, 256, size=(h, w))               # noise
    img[10:14, :, :] = 200.0 + 55.0 * ((xx[10:14] % 4) < 2)[..., None]
    return Image.fromarray(img.astype(np.uint8), "RGB")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    img = detailed_image()
    img.save(os.path.join(out, "input.png"))
    for name, flt, box, size in CASES:
        src = img.crop(box) if box else img
        planes = [np.asarray(ch.convert("F").resize(size, flt), dtype=np.float32) for ch in src.split()]
        if name.startswith("centercrop"):
            # torchvision's Resize(17) then CenterCrop(17): 64 x 48 -> 22 x 17, columns 2..18 (round(2.5) = 2)
            planes = [p[:, 2:19] for p in planes]
        ref = np.stack(planes)
        ref.astype("<f4").tofile(os.path.join(out, name + ".f32"))
        eight = np.asarray(src.resize(size, flt), dtype=np.float32).transpose(2, 0, 1)
        eight = eight[:, :, 2:19] if name.startswith("centercrop") else eight
        print(f"{name}: 8-bit PIL vs float PIL max |diff| {np.abs(eight - ref).max():.3f} / 255")


if __name__ == "__main__":
    main()
