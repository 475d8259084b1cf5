#!/usr/bin/env python3
"""Writes the small images of the decoding tests (src/test/resources/decode) with PIL: the colour
models that photo folders hold besides 8-bit RGB and grey, each a 16 x 12 image of four flat quadrants
(so JPEG's loss stays far from the edges tested) and, in expected.txt, the RGB that PIL (torchvision's
reader: Image.open(f).convert("RGB")) gives at each quadrant's centre.

    /usr/bin/python3 bench/decode_fixtures.py src/test/resources/decode

cmyk.jpg   CMYK JPEG as print software writes it (Adobe marker, inverted samples)
ycck.jpg   the same colours as Adobe YCCK (transform 2): PIL cannot write one, so its CMYK writer gets
           the Y, Cb, Cr of the inverted CMY and K, and the marker's transform byte is set to 2
grey16.png 16-bit grey PNG: expected.txt has the value >> 8 (PIL 9.4's convert("RGB") clips a 16-bit
           grey image to 255 instead; aucl keeps the top byte)
palette.png, grey-alpha.png, grey.png (8-bit grey: the value 68 must read 68)
"""
import os
import sys

import numpy as np
from PIL import Image

QUADRANT_RGB = [(200, 60, 30), (20, 140, 220), (68, 68, 68), (250, 240, 120)]
CENTRES = [(4, 3), (12, 3), (4, 9), (12, 9)]  # (x, y) of each quadrant's centre


def quadrants(values, channels):
    img = np.zeros((12, 16, channels), dtype=np.float64)
    for (x, y), v in zip(CENTRES, values):
        img[y - 3:y + 3, x - 4:x + 4] = v
    return img


def ycck(path, rgb):
    cmyk = np.asarray(Image.fromarray(rgb, "RGB").convert("CMYK"), dtype=np.float64)
    c, m, y, k = (cmyk[..., i] for i in range(4))
    # libjpeg's YCCK: C = 255 - R(Y, Cb, Cr), K stored inverted; PIL's writer inverts every sample.
    r, g, b = c, m, y
    yy = 0.299 * r + 0.587 * g + 0.114 * b
    cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    stored = np.stack([yy, cb, cr, 255 - k], axis=-1)
    Image.fromarray(np.clip(np.rint(255 - stored), 0, 255).astype(np.uint8), "CMYK").save(path, quality=100)
    data = bytearray(open(path, "rb").read())
    at = data.index(b"Adobe")
    data[at + 11] = 2  # APP14: "Adobe", version (2), flags0 (2), flags1 (2), transform
    open(path, "wb").write(bytes(data))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rgb = quadrants(QUADRANT_RGB, 3).astype(np.uint8)
    Image.fromarray(rgb, "RGB").convert("CMYK").save(os.path.join(out, "cmyk.jpg"), quality=100)
    ycck(os.path.join(out, "ycck.jpg"), rgb)
    grey = quadrants([(v[0],) for v in QUADRANT_RGB], 1)[..., 0]
    Image.fromarray((grey * 257).astype(np.uint16)).save(os.path.join(out, "grey16.png"))  # 'I;16'
    Image.fromarray(rgb, "RGB").quantize(4).save(os.path.join(out, "palette.png"))
    la = np.stack([grey, np.full_like(grey, 128)], axis=-1).astype(np.uint8)
    Image.fromarray(la, "LA").save(os.path.join(out, "grey-alpha.png"))
    Image.fromarray(grey.astype(np.uint8), "L").save(os.path.join(out, "grey.png"))
    with open(os.path.join(out, "expected.txt"), "w") as f:
        f.write("# file x y r g b: PIL's Image.open(file).convert('RGB') at (x, y)\n")
        for name in sorted(os.listdir(out)):
            if name.endswith((".jpg", ".png")):
                img = Image.open(os.path.join(out, name))
                print(name, img.mode, img.info.get("adobe_transform"))
                rgbimg = img.convert("RGB") if img.mode != "I" else Image.fromarray((np.asarray(img) >> 8).astype(np.uint8)).convert("RGB")
                for x, y in CENTRES:
                    f.write("%s %d %d %d %d %d\n" % ((name, x, y) + rgbimg.getpixel((x, y))))


if __name__ == "__main__":
    main()
