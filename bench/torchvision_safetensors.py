#!/usr/bin/python3
"""aucl's safetensors files in torchvision, without the safetensors package (numpy parses the format).

  features FILE IMAGES [--out CSV] [--compare EMBED_CSV]
      builds the torchvision module a file of `aucl export` describes (its __metadata__), loads the
      file with strict=True, and writes the L2-normalised features of the PNG/JPEG images in the folder
      IMAGES as `aucl embed` writes them (id,v0,...); with --compare, the largest absolute difference
      from `aucl embed RUN --dataset IMAGES --out EMBED_CSV`.
  save --model resnet18 --stem imagenet --width 1 --channels 3 --out FILE [--seed N]
      writes a randomly initialised torchvision ResNet (classifier included, BatchNorm statistics made
      non-trivial) as safetensors under torchvision's names, for `aucl import`.

The lines that build the network are those of docs/MODELS.md, "Exporting and importing weights".
"""
import argparse
import json
import os
import struct
import sys

import numpy as np
import torch
import torchvision
from PIL import Image

DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64}
NAMES = {v: k for k, v in DTYPES.items()}


def read_safetensors(path):
    """(metadata, {name: torch tensor}): 8-byte little-endian header length, JSON header, data."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors = {}
    for name, t in header.items():
        begin, end = t["data_offsets"]
        a = np.frombuffer(data[begin:end], dtype=np.dtype(DTYPES[t["dtype"]]).newbyteorder("<"))
        tensors[name] = torch.from_numpy(a.reshape(t["shape"]).copy())
    return meta, tensors


def write_safetensors(path, tensors, meta=None):
    header, chunks, offset = {}, [], 0
    if meta:
        header["__metadata__"] = meta
    for name, t in tensors.items():
        a = t.detach().cpu().numpy()
        b = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": NAMES[a.dtype.type], "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        chunks.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(chunks))


def resnet(arch, stem="imagenet", width=1.0, channels=3):
    """torchvision's ResNet with aucl's stem, width and input channels, classifier removed."""
    from torchvision.models.resnet import BasicBlock, Bottleneck
    block, layers = {"resnet18": (BasicBlock, [2, 2, 2, 2]), "resnet34": (BasicBlock, [3, 4, 6, 3]),
                     "resnet50": (Bottleneck, [3, 4, 6, 3])}[arch]
    m = getattr(torchvision.models, arch)()  # torchvision's own network, then aucl's stem and width where they differ
    planes = [max(1, round(64 * width * 2 ** i)) for i in range(4)]
    if planes != [64, 128, 256, 512] or stem != "imagenet" or channels != 3:
        k, s, p = (7, 2, 3) if stem == "imagenet" else (3, 1, 1)
        m.conv1 = torch.nn.Conv2d(channels, planes[0], k, s, p, bias=False)
        m.bn1 = torch.nn.BatchNorm2d(planes[0])
        m.inplanes = planes[0]
        m.layer1 = m._make_layer(block, planes[0], layers[0])
        for i in (1, 2, 3):
            setattr(m, f"layer{i + 1}", m._make_layer(block, planes[i], layers[i], stride=2))
        if stem == "cifar":
            m.maxpool = torch.nn.Identity()
    m.fc = torch.nn.Identity()
    return m


def build(meta):
    if meta["arch"].startswith("vit-"):
        sys.exit("ViTs load into timm (docs/MODELS.md), which is not installed here")
    return resnet(meta["arch"], meta["stem"], float(meta["width"]), int(meta["in_channels"]))


def images(folder, channels):
    names = sorted(f for f in os.listdir(folder) if f.lower().endswith((".png", ".jpg", ".jpeg")))
    mode = "L" if channels == 1 else "RGB"  # grey: ITU-R 601 luma, as aucl converts colour images
    px = [np.asarray(Image.open(os.path.join(folder, f)).convert(mode), dtype=np.float32) / 255.0 for f in names]
    x = np.stack([p[None] if p.ndim == 2 else p.transpose(2, 0, 1) for p in px])
    return names, torch.from_numpy(x)


def features(args):
    meta, tensors = read_safetensors(args.file)
    model = build(meta)
    model.load_state_dict({k: v for k, v in tensors.items() if not k.startswith("projector.")}, strict=True)
    model.eval()
    channels, side = int(meta["in_channels"]), int(meta["image_size"])
    names, x = images(args.images, channels)
    if x.shape[-1] != side:
        sys.exit(f"the images are {x.shape[-1]} px, the network's are {side}: use images of its size")
    mean = torch.tensor([float(v) for v in meta["mean"].split(",")]).view(1, -1, 1, 1)
    std = torch.tensor([float(v) for v in meta["std"].split(",")]).view(1, -1, 1, 1)
    with torch.no_grad():
        f = torch.nn.functional.normalize(model((x - mean) / std), dim=1, eps=1e-8).numpy()
    print(f"{meta['arch']} stem {meta['stem']} width {meta['width']}, {channels} channel(s), {side} px: "
          f"{len(names)} images, {f.shape[1]} features; loaded with strict=True")
    if args.out:
        with open(args.out, "w") as out:
            out.write("id," + ",".join(f"v{i}" for i in range(f.shape[1])) + "\n")
            for n, row in zip(names, f):
                out.write(n + "," + ",".join(repr(float(v)) for v in row) + "\n")
    if args.compare:
        theirs = {}
        with open(args.compare) as c:
            head = c.readline().strip().split(",")
            first = head.index("v0")
            for line in c:
                parts = line.strip().split(",")
                theirs[parts[0]] = np.array([float(v) for v in parts[first:]], dtype=np.float32)
        diff = max(float(np.abs(theirs[n] - row).max()) for n, row in zip(names, f))
        print(f"max |torchvision - aucl embed| = {diff:.3g} over {len(names)} images x {f.shape[1]} features")


def save(args):
    torch.manual_seed(args.seed)
    m = resnet(args.model, args.stem, args.width, args.channels)
    m.fc = torch.nn.Linear(_features(m), 10)  # a classifier, as a real checkpoint has
    g = torch.Generator().manual_seed(args.seed)
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):  # statistics other than 0 and 1, so that loading them matters
            mod.running_mean.copy_(0.1 * torch.randn(mod.running_mean.shape, generator=g))
            mod.running_var.copy_(0.5 + torch.rand(mod.running_var.shape, generator=g))
            mod.weight.data.copy_(0.5 + torch.rand(mod.weight.shape, generator=g))
    write_safetensors(args.out, m.state_dict())
    print(f"wrote {len(m.state_dict())} tensors of a random torchvision {args.model} to {args.out}")


def _features(m):
    last = list(m.layer4[-1].children())
    return [c for c in last if isinstance(c, torch.nn.BatchNorm2d)][-1].num_features


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    f = sub.add_parser("features")
    f.add_argument("file")
    f.add_argument("images")
    f.add_argument("--out")
    f.add_argument("--compare")
    s = sub.add_parser("save")
    s.add_argument("--model", default="resnet18")
    s.add_argument("--stem", default="imagenet")
    s.add_argument("--width", type=float, default=1.0)
    s.add_argument("--channels", type=int, default=3)
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--out", required=True)
    a = p.parse_args()
    features(a) if a.mode == "features" else save(a)


if __name__ == "__main__":
    main()
