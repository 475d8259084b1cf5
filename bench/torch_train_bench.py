#!/usr/bin/env python3
"""PyTorch reference for `aucl bench train`: the same model, step and FLOP accounting.

torchvision-style ResNet (BasicBlock/Bottleneck, CIFAR, small or ImageNet stem, width multiplier), the
projector Linear(F, 512, no bias)-BN-ReLU-Linear(512, 128), both views in separate forward passes
(or one concatenated pass), AUC-CL with its `default` preset (the default `--loss auc-cl` of
`aucl bench train`, docs/LOSSES.md): a = 1 fixed, b learnable from 0 (in the optimiser, no weight
decay), alpha = 0.125 fixed, margin 1, w = 8, mean over the 2B - 2 non-partner views, s = (1 + z.z') / 2 with z L2-normalised; plus the per-step
statistics every aucl objective reports (mean positive, mean negative, batch AUC). AdamW (lr 1e-4
here, wd 1e-4), random pre-generated batches. Prints pairs/s and MFU against the best fp32 matmul of
2048^2 and 4096^2 measured in the same run. Needs only torch (no torchvision).
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv(i, o, k, s):
    return nn.Conv2d(i, o, k, s, k // 2, bias=False)


class Basic(nn.Module):
    expansion = 1

    def __init__(self, i, p, s):
        super().__init__()
        self.c1, self.b1 = conv(i, p, 3, s), nn.BatchNorm2d(p)
        self.c2, self.b2 = conv(p, p, 3, 1), nn.BatchNorm2d(p)
        self.down = None if s == 1 and i == p else nn.Sequential(conv(i, p, 1, s), nn.BatchNorm2d(p))

    def forward(self, x):
        out = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        return F.relu(out + (x if self.down is None else self.down(x)))


class Bottle(nn.Module):
    expansion = 4

    def __init__(self, i, p, s):
        super().__init__()
        o = 4 * p
        self.c1, self.b1 = conv(i, p, 1, 1), nn.BatchNorm2d(p)
        self.c2, self.b2 = conv(p, p, 3, s), nn.BatchNorm2d(p)
        self.c3, self.b3 = conv(p, o, 1, 1), nn.BatchNorm2d(o)
        self.down = None if s == 1 and i == o else nn.Sequential(conv(i, o, 1, s), nn.BatchNorm2d(o))

    def forward(self, x):
        out = F.relu(self.b1(self.c1(x)))
        out = F.relu(self.b2(self.c2(out)))
        out = self.b3(self.c3(out))
        return F.relu(out + (x if self.down is None else self.down(x)))


def resnet(arch, stem, ch, width):
    block = Bottle if arch == "resnet50" else Basic
    layers = [2, 2, 2, 2] if arch == "resnet18" else [3, 4, 6, 3]
    planes = [max(1, round(64 * width * 2 ** i)) for i in range(4)]
    # cifar: 3x3 stride 1, no pool; small: 3x3 stride 1 then pool; imagenet: 7x7 stride 2 then pool
    if stem not in ("cifar", "small", "imagenet"):
        raise SystemExit(f"unknown stem {stem}: cifar, small or imagenet")
    mods = [conv(ch, planes[0], 7, 2)] if stem == "imagenet" else [conv(ch, planes[0], 3, 1)]
    mods += [nn.BatchNorm2d(planes[0]), nn.ReLU()]
    if stem != "cifar":
        mods.append(nn.MaxPool2d(3, 2, 1))
    c = planes[0]
    for st, (p, n) in enumerate(zip(planes, layers)):
        for b in range(n):
            mods.append(block(c, p, 2 if st > 0 and b == 0 else 1))
            c = p * block.expansion
    mods += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    net = nn.Sequential(*mods)
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
    return net, c


class AucCl:
    """AUC-CL, default preset (docs/LOSSES.md; org.aucl.loss.AucClObjective):

    L = mean_k [(p_k - a)^2 - 2 alpha p_k] + w mean_k mean_l [(n_kl - b)^2 + 2 alpha n_kl] + 2 alpha m - alpha^2
    over the 2B views k, l ranging over the 2B - 2 views other than k and its partner.
    """

    A, MARGIN, W, ALPHA = 1.0, 1.0, 8.0, 0.125

    def __init__(self, device):
        self.b = nn.Parameter(torch.zeros((), device=device))
        self.alpha = self.ALPHA
        self.stats = None

    def __call__(self, z1, z2):
        n = z1.shape[0]
        z = torch.cat([z1, z2])
        z = z / z.norm(dim=1, keepdim=True).clamp_min(1e-8)
        s = (1 + z @ z.T) / 2
        k = torch.arange(2 * n, device=z.device)
        partner = (k + n) % (2 * n)
        p = s[k, partner]
        mask = torch.ones_like(s)
        mask[k, k] = 0
        mask[k, partner] = 0
        pairs = 2 * n * (2 * n - 2)
        al = self.alpha
        pos = ((p - self.A).square() - 2 * al * p).mean()
        neg = self.W * (((s - self.b).square() + 2 * al * s) * mask).sum() / pairs
        loss = pos + neg + (2 * al * self.MARGIN - al * al)
        with torch.no_grad():
            sd, pd = s.detach(), p.detach().unsqueeze(1)
            mean_p, mean_n = pd.mean(), (sd * mask).sum() / pairs
            auc = (((pd > sd).to(sd.dtype) + 0.5 * (pd == sd).to(sd.dtype)) * mask).sum() / pairs
            # one read: mean p, mean n (= the negative term's linear part / w), batch AUC
            self.stats = torch.stack([mean_p, mean_n, auc]).tolist()
        return loss

    def after_step(self):
        """alpha is fixed in the default preset: nothing to do after the optimiser step."""


def count_macs(model, shape):
    macs = []

    def hook(m, i, o):
        if isinstance(m, nn.Conv2d):
            macs.append(o.numel() // o.shape[0] * m.in_channels * m.kernel_size[0] * m.kernel_size[1] // m.groups)
        elif isinstance(m, nn.Linear):
            macs.append(m.in_features * m.out_features)

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model.eval()
        model(torch.zeros(1, *shape))
        model.train()
    for h in hs:
        h.remove()
    return sum(macs)


def matmul_peak(dev):
    best = 0.0
    for n in (2048, 4096):
        a, b = torch.rand(n, n, device=dev) * 2 - 1, torch.rand(n, n, device=dev) * 2 - 1
        a @ b
        for _ in range(3):
            t = time.perf_counter()
            (a @ b)[0, 0].item()  # waits for asynchronous devices
            best = max(best, 2 * n ** 3 / (time.perf_counter() - t))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="resnet18")
    ap.add_argument("--stem", default="cifar")
    ap.add_argument("--image-size", type=int, default=32)
    ap.add_argument("--channels", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--width", type=float, default=1.0)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--bn-passes", type=int, choices=(1, 2), default=2,
                    help="2 (default, so that the machine's reference figure keeps its meaning): each view "
                         "through BatchNorm in its own pass; 1: both in one. Give it explicitly when comparing "
                         "with aucl bench train, whose default is the default job's (1)")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--device", default="cpu", help="cpu (default) or cuda")
    ap.add_argument("--bf16", action="store_true",
                    help="forward and loss under torch.autocast('cpu', dtype=torch.bfloat16) (mixed precision)")
    ap.add_argument("--phases", action="store_true",
                    help="also print where a step's time goes (input is nil here: the batches are tensors already)")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    enc, fdim = resnet(a.model, a.stem, a.channels, a.width)
    proj = nn.Sequential(nn.Linear(fdim, 512, bias=False), nn.BatchNorm1d(512), nn.ReLU(), nn.Linear(512, 128))
    net = nn.Sequential(enc, proj)
    dev = torch.device(a.device)
    shape = (a.channels, a.image_size, a.image_size)
    macs = count_macs(net, shape)
    net.to(dev)
    objective = AucCl(dev)
    opt = torch.optim.AdamW([{"params": net.parameters()}, {"params": [objective.b], "weight_decay": 0.0}],
                            lr=1e-4, weight_decay=1e-4)
    batches = [(torch.randn(a.batch_size, *shape, device=dev), torch.randn(a.batch_size, *shape, device=dev)) for _ in range(2)]
    two = a.bn_passes == 2
    phases = {}
    clock = [0.0]

    def lap(name):
        # the CPU runs each operation before returning, so these boundaries are exact
        if a.phases:
            now = time.perf_counter()
            phases[name] = phases.get(name, 0.0) + now - clock[0]
            clock[0] = now

    def step(v1, v2):
        with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=a.bf16):
            return step_in_precision(v1, v2)

    def step_in_precision(v1, v2):
        clock[0] = time.perf_counter()
        if two:
            h1, h2 = enc(v1), enc(v2)
            z1, z2 = proj(h1), proj(h2)
        else:
            z1, z2 = proj(enc(torch.cat([v1, v2]))).chunk(2)
        lap("forward")
        loss = objective(z1.float(), z2.float())
        lap("loss")
        opt.zero_grad(set_to_none=True)
        loss.backward()
        lap("backward")
        value = loss.item()
        lap("read")
        opt.step()
        objective.after_step()
        lap("optimizer")
        return value

    for i in range(a.warmup):
        step(*batches[i % 2])
    phases.clear()
    t = time.perf_counter()
    for i in range(a.steps):
        step(*batches[i % 2])
    sec = time.perf_counter() - t
    pps = a.steps * a.batch_size / sec
    flops_pair = 2 * 3 * 2 * macs
    model_flops = pps * flops_pair
    peak = matmul_peak(dev)
    print(f"torch {torch.__version__}, device {dev}, threads {torch.get_num_threads()}")
    print(f"model: {a.model}/{a.stem} width {a.width}, {a.channels}x{a.image_size}x{a.image_size}, batch {a.batch_size}, "
          f"{'two passes' if two else 'one pass'}, {'bf16 autocast' if a.bf16 else 'fp32'}, adamw, loss auc-cl, {sum(p.numel() for p in net.parameters()) / 1e6:.2f} M parameters, "
          f"{2 * macs / 1e9:.3f} GFLOP forward per image")
    print(f"train: {pps:.2f} pairs/s ({sec / a.steps:.3f} s/step over {a.steps} steps), {model_flops / 1e9:.1f} GFLOP/s model")
    print(f"peak: {peak / 1e9:.1f} GFLOP/s (best fp32 matmul of 2048^2 and 4096^2)")
    print(f"MFU: {100 * model_flops / peak:.1f}%")
    if a.phases:
        print("phases (ms per step, share of the step):")
        for name, sec_p in phases.items():
            print(f"  {name:<10} {1000 * sec_p / a.steps:8.2f}  {100 * sec_p / sec:5.1f}%")
        rest = sec - sum(phases.values())
        print(f"  {'other':<10} {1000 * rest / a.steps:8.2f}  {100 * rest / sec:5.1f}%")


if __name__ == "__main__":
    main()
