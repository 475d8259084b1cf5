#!/usr/bin/env python3
"""The convolutions `aucl bench kernels` checks, run by the Python PyTorch on this machine (Debian's
python3-torch), float32 in both layouts against float64: whether another PyTorch/oneDNN build
computes them right here (docs/MODELS.md, "Convolution kernels checked against float64").

    python3 bench/conv_check.py [THREADS]
"""
import sys

import torch


def relative_error(got, want):
    got = got.double()
    if not torch.isfinite(got).all():
        return float("inf")
    return ((got - want).abs().max() / want.abs().max()).item()


def errors(cin, cout, k, stride, pad, size=12, batch=16):
    """{layout: (output, input gradient, weight gradient) errors against float64} for one convolution."""
    x = torch.randn(batch, cin, size, size)
    w = torch.randn(cout, cin, k, k) * (2.0 / (cin * k * k)) ** 0.5
    r = torch.randn_like(torch.nn.functional.conv2d(x, w, stride=stride, padding=pad))
    results = {}
    for name, dtype, layout in [("float64", torch.float64, torch.contiguous_format),
                                ("contiguous", torch.float32, torch.contiguous_format),
                                ("channels-last", torch.float32, torch.channels_last)]:
        xx = x.detach().clone().to(dtype).to(memory_format=layout).detach().requires_grad_()
        ww = w.detach().clone().to(dtype).requires_grad_()
        y = torch.nn.functional.conv2d(xx, ww, stride=stride, padding=pad)
        (y * r.to(dtype)).sum().backward()
        results[name] = (y.detach(), xx.grad, ww.grad)
    return {n: tuple(relative_error(a, b) for a, b in zip(results[n], results["float64"]))
            for n in ("contiguous", "channels-last")}


def main():
    torch.manual_seed(1)
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    wrong = 0
    for c in [4, 8, 12, 16, 24, 32, 40, 48, 64, 128, 256]:
        cases = [("stem", 1, c, 3, 1, 1), ("stem", 3, c, 7, 2, 3), ("body", c, c, 3, 1, 1),
                 ("down", c, 2 * c, 3, 2, 1), ("shortcut", c, 2 * c, 1, 2, 0), ("patch", 3, c, 4, 4, 0)]
        for role, cin, cout, k, stride, pad in cases:
            for layout, e in errors(cin, cout, k, stride, pad).items():
                used = (e[0], e[2]) if role in ("stem", "patch") else e  # no step needs the images' gradient
                if max(used) > 1e-4:
                    wrong += 1
                    print(f"WRONG {role} {cin}->{cout} {k}x{k}/{stride} {layout}: {e}")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads: {wrong} wrong paths")


if __name__ == "__main__":
    main()
