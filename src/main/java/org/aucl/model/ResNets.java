package org.aucl.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * torchvision's ResNet family (He et al. 2016) built from DJL blocks: BasicBlock (two 3x3 convs) for
 * resnet18/34, Bottleneck (1x1, 3x3, 1x1 with expansion 4) for resnet50, the stride on the 3x3
 * conv, a 1x1 conv + BatchNorm shortcut where the shape changes, no conv biases, BatchNorm gamma 1
 * (torchvision's zero_init_residual=False), no classifier.
 *
 * <p>Input B x inChannels x H x W; output B x featureDim with featureDim = 512 w (18/34) or 2048 w
 * (50) for width multiplier w.
 */
public final class ResNets {
  private static final int[] BLOCKS_18 = {2, 2, 2, 2};
  private static final int[] BLOCKS_34_50 = {3, 4, 6, 3};

  private final boolean bottleneck;
  private long macs;
  private long params;
  private long activations;
  private long height;
  private long widthPx;

  private ResNets(boolean bottleneck, int imageSize) {
    this.bottleneck = bottleneck;
    this.height = imageSize;
    this.widthPx = imageSize;
  }

  /** Stage widths (the "planes") for a width multiplier: round(64 w * 2^i), at least 1. */
  public static int[] planes(double width) {
    int[] p = new int[4];
    for (int i = 0; i < 4; i++) {
      p[i] = (int) Math.max(1, Math.round(64 * width * (1 << i)));
    }
    return p;
  }

  /** Builds the encoder of {@code cfg}; parameters are not yet initialised. */
  public static Encoder build(NetConfig cfg) {
    boolean bottleneck = cfg.arch().equals("resnet50");
    int[] blocks = cfg.arch().equals("resnet18") ? BLOCKS_18 : BLOCKS_34_50;
    ResNets b = new ResNets(bottleneck, cfg.imageSize());
    int[] planes = planes(cfg.width());
    int expansion = bottleneck ? 4 : 1;

    SequentialBlock net = new SequentialBlock();
    int channels = planes[0];
    // cifar: 3x3 stride 1, no pool; small: 3x3 stride 1 then pool; imagenet: 7x7 stride 2 then pool
    boolean imagenet = cfg.stem().equals("imagenet");
    net.add(imagenet ? b.conv(cfg.inChannels(), channels, 7, 2, 3) : b.conv(cfg.inChannels(), channels, 3, 1, 1));
    net.add(bn());
    net.add(Activation.reluBlock());
    if (!cfg.stem().equals("cifar")) {
      net.add(b.maxPool());
    }
    for (int stage = 0; stage < 4; stage++) {
      SequentialBlock layer = new SequentialBlock();
      for (int i = 0; i < blocks[stage]; i++) {
        int stride = (stage > 0 && i == 0) ? 2 : 1;
        layer.add(bottleneck
            ? b.bottleneckBlock(channels, planes[stage], stride)
            : b.basicBlock(channels, planes[stage], stride));
        channels = planes[stage] * expansion;
      }
      net.add(layer);
    }
    net.add(new GlobalAvgPool());
    return new Encoder(net, channels, b.macs, b.params, b.activations);
  }

  private Block basicBlock(int in, int planes, int stride) {
    long h0 = height;
    long w0 = widthPx;
    SequentialBlock main = new SequentialBlock()
        .add(conv(in, planes, 3, stride, 1)).add(bn()).add(Activation.reluBlock())
        .add(conv(planes, planes, 3, 1, 1)).add(bn());
    return new ResidualBlock(main, shortcut(in, planes, stride, h0, w0));
  }

  private Block bottleneckBlock(int in, int planes, int stride) {
    long h0 = height;
    long w0 = widthPx;
    int out = planes * 4;
    SequentialBlock main = new SequentialBlock()
        .add(conv(in, planes, 1, 1, 0)).add(bn()).add(Activation.reluBlock())
        .add(conv(planes, planes, 3, stride, 1)).add(bn()).add(Activation.reluBlock())
        .add(conv(planes, out, 1, 1, 0)).add(bn());
    return new ResidualBlock(main, shortcut(in, out, stride, h0, w0));
  }

  /** The torchvision "downsample": 1x1 conv (stride s) + BN where the shape changes, else identity. */
  private Block shortcut(int in, int out, int stride, long h0, long w0) {
    if (stride == 1 && in == out) {
      return null;
    }
    long h1 = height;
    long w1 = widthPx;
    height = h0;
    widthPx = w0;
    Block conv = conv(in, out, 1, stride, 0);
    height = h1; // both paths end at the same spatial size
    widthPx = w1;
    return new SequentialBlock().add(conv).add(bn());
  }

  /** torchvision's stem max-pool (3x3, stride 2, padding 1); advances the tracked spatial size. */
  private Block maxPool() {
    height = (height + 2 - 3) / 2 + 1;
    widthPx = (widthPx + 2 - 3) / 2 + 1;
    return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1));
  }

  /** A bias-free conv with torchvision's init; advances the tracked spatial size and counts MACs. */
  private Block conv(int in, int out, int k, int stride, int pad) {
    height = (height + 2L * pad - k) / stride + 1;
    widthPx = (widthPx + 2L * pad - k) / stride + 1;
    macs += (long) out * height * widthPx * in * k * k;
    params += (long) out * in * k * k + 2L * out; // and BatchNorm's gamma, beta
    activations += (long) out * height * widthPx;
    Conv2d c = Conv2d.of(ai.djl.nn.convolutional.Conv2d.builder()
        .setKernelShape(new Shape(k, k))
        .setFilters(out)
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .optBias(false));
    c.setInitializer(TorchInit.kaimingNormalFanOut(), Parameter.Type.WEIGHT);
    return c;
  }

  /** BatchNorm2d with torch's eps 1e-5 and momentum 0.1 (DJL's momentum 0.9 is torch's 0.1). */
  static Block bn() {
    return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
  }
}
