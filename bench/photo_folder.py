#!/usr/bin/env python3
"""Writes a folder of photo-like JPEGs for trying aucl on "your own images" without downloading any:
smooth lit backgrounds with a few objects whose kind and colour depend on the class, at photo sizes
(about 500 x 375, landscape and portrait), JPEG quality 80-95, a few grey and PNG files among them.

    /usr/bin/python3 bench/photo_folder.py OUT_DIR --count 1000 --layout classes   # OUT/CLASS/*.jpg
    /usr/bin/python3 bench/photo_folder.py OUT_DIR --count 1000 --layout flat      # OUT/*.jpg, no labels
    /usr/bin/python3 bench/photo_folder.py OUT_DIR --count 1000 --layout dated     # OUT/2024-05-17/*.jpg
    /usr/bin/python3 bench/photo_folder.py OUT_DIR --count 100000 --size 64 --layout flat   # small files

--bad N adds N unreadable files among them (empty, truncated, text named .jpg). --classes sets the
number of classes (default 5). The same arguments write the same bytes.
"""
import argparse
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

KINDS = ["disc", "box", "stripes", "ring", "triangle", "cross", "dots", "bar"]


def background(rng, w, h):
    top = np.array([rng.randint(40, 220) for _ in range(3)], dtype=np.float32)
    bottom = np.array([rng.randint(20, 200) for _ in range(3)], dtype=np.float32)
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    img = top * (1 - t) + bottom * t + np.zeros((h, w, 3), dtype=np.float32)
    lx, ly = rng.uniform(0, w), rng.uniform(0, h)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 40.0 * np.exp(-(((xx - lx) / (0.6 * w)) ** 2 + ((yy - ly) / (0.6 * h)) ** 2))
    return img + light[:, :, None]


def draw_object(draw, rng, kind, colour, w, h):
    s = rng.uniform(0.15, 0.35) * min(w, h)
    cx, cy = rng.uniform(s, w - s), rng.uniform(s, h - s)
    box = [cx - s, cy - s, cx + s, cy + s]
    if kind == "disc":
        draw.ellipse(box, fill=colour)
    elif kind == "box":
        draw.rectangle(box, fill=colour)
    elif kind == "stripes":
        for k in range(-3, 4):
            x = cx + k * s / 3
            draw.line([x, cy - s, x + s / 2, cy + s], fill=colour, width=max(2, int(s / 10)))
    elif kind == "ring":
        draw.ellipse(box, outline=colour, width=max(3, int(s / 5)))
    elif kind == "triangle":
        draw.polygon([(cx, cy - s), (cx - s, cy + s), (cx + s, cy + s)], fill=colour)
    elif kind == "cross":
        t = s / 4
        draw.rectangle([cx - s, cy - t, cx + s, cy + t], fill=colour)
        draw.rectangle([cx - t, cy - s, cx + t, cy + s], fill=colour)
    elif kind == "dots":
        for _ in range(9):
            x, y, r = cx + rng.uniform(-s, s), cy + rng.uniform(-s, s), s / 6
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    else:
        draw.rectangle([cx - s, cy - s / 5, cx + s, cy + s / 5], fill=colour)


def photo(rng, label, classes, size):
    if size:
        w = h = size
    else:
        w, h = (500, 375) if rng.random() < 0.75 else (375, 500)
        w, h = w + rng.randint(-40, 40), h + rng.randint(-30, 30)
    arr = background(rng, w, h)
    arr += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(img)
    hue = (label * 360 // classes + rng.randint(-15, 15)) % 360
    colour = hsv(hue, rng.uniform(0.6, 1.0), rng.uniform(0.6, 1.0))
    kind = KINDS[label % len(KINDS)]
    for _ in range(rng.randint(1, 3)):
        draw_object(draw, rng, kind, colour, w, h)
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))


def hsv(h, s, v):
    c = v * s
    x = c * (1 - abs((h / 60) % 2 - 1))
    m = v - c
    r, g, b = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)][int(h // 60) % 6]
    return tuple(int(255 * (t + m)) for t in (r, g, b))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--classes", type=int, default=5)
    p.add_argument("--layout", choices=["classes", "flat", "dated"], default="classes")
    p.add_argument("--size", type=int, default=0, help="square side in pixels (default: photo sizes)")
    p.add_argument("--bad", type=int, default=0, help="unreadable files to add")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    rng = random.Random(a.seed)
    for i in range(a.count):
        label = i % a.classes
        img = photo(rng, label, a.classes, a.size)
        if a.layout == "classes":
            folder = os.path.join(a.out, f"class{label}")
        elif a.layout == "dated":
            folder = os.path.join(a.out, f"2024-05-{1 + (i * 7) % 28:02d}")
        else:
            folder = os.path.join(a.out, f"{i // 10000:02d}") if a.count > 20000 else a.out
        os.makedirs(folder, exist_ok=True)
        r = rng.random()
        if r < 0.03:
            img.convert("L").save(os.path.join(folder, f"img{i:06d}.jpg"), quality=90)
        elif r < 0.06:
            img.save(os.path.join(folder, f"img{i:06d}.png"))
        else:
            img.save(os.path.join(folder, f"img{i:06d}.jpg"), quality=rng.randint(80, 95))
    for k in range(a.bad):
        folder = a.out if a.layout == "flat" else os.path.join(a.out, "class0" if a.layout == "classes" else "2024-05-01")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"bad{k:03d}.jpg")
        if k % 3 == 0:
            open(path, "wb").close()
        elif k % 3 == 1:
            with open(path, "w") as f:
                f.write("<html>not an image</html>\n")
        else:
            buf = os.path.join(folder, f".tmp{k}.jpg")
            photo(rng, 0, a.classes, a.size).save(buf, quality=90)
            data = open(buf, "rb").read()
            os.remove(buf)
            with open(path, "wb") as f:
                f.write(data[: len(data) // 3])
    print(f"{a.count} images ({a.layout}) and {a.bad} bad files in {a.out}")


if __name__ == "__main__":
    main()
