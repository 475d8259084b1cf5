package org.aucl.model;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aucl.util.UserException;

/**
 * The rule that keeps training, evaluation and embedding off convolution kernels shown wrong: on the
 * CPU every convolution's output channel count must be a multiple of {@value #CPU_MULTIPLE}. PyTorch
 * 2.7.1's oneDNN (3.7.1) AVX-512 convolutions compute wrong values, sometimes NaN, in float32 when a
 * channel count is not a multiple of 16 on some processors (AMD Zen 5: the forward pass and the
 * input gradient, in both layouts; {@code aucl bench kernels} shows it, docs/MODELS.md). For a ResNet
 * this means width multipliers that are multiples of 0.25. The GPU does not run oneDNN: no rule there.
 * The images' own channel count (1, 3, ...) is allowed: the stem's forward pass and weight gradient
 * are right at any input channel count, and no step needs the images' gradient.
 */
public final class ConvChannels {
  /** The multiple every convolution's channel count must be on the CPU: AVX-512's 16 floats. */
  public static final int CPU_MULTIPLE = 16;

  private ConvChannels() {}

  /** What config.json's provenance records of the rule on {@code device}. */
  public static String rule(Device device) {
    return device.isGpu()
        ? "none (GPU)"
        : "CPU: every convolution's channel count a multiple of " + CPU_MULTIPLE + ", ResNets channels-last (docs/MODELS.md)";
  }

  /** True when a convolution of {@code channels} output channels is allowed on the CPU. */
  public static boolean allowedOnCpu(int channels) {
    return channels % CPU_MULTIPLE == 0;
  }

  /** The output channel counts of every convolution of {@code cfg}'s encoder. */
  public static List<Integer> of(NetConfig cfg) {
    List<Integer> out = new ArrayList<>();
    if (NetConfig.isVitArch(cfg.arch())) {
      out.add(VisionTransformer.dimOf(cfg.arch()));
      return out;
    }
    int expansion = cfg.arch().equals("resnet50") ? 4 : 1;
    for (int planes : ResNets.planes(cfg.width())) {
      out.add(planes);
      out.add(planes * expansion);
    }
    return out;
  }

  /** Refuses, in one sentence, a network whose convolutions the CPU's kernels may compute wrongly. */
  public static void require(NetConfig cfg, Device device) {
    if (device.isGpu()) {
      return;
    }
    for (int c : of(cfg)) {
      if (!allowedOnCpu(c)) {
        throw new UserException(String.format(Locale.ROOT,
            "Width %s gives %s a convolution of %d channels, and on the CPU aucl runs only convolutions whose "
                + "channel counts are multiples of %d, because PyTorch's oneDNN kernels compute others wrongly on "
                + "some processors (docs/MODELS.md); use --width %s.",
            plain(cfg.width()), cfg.arch(), c, CPU_MULTIPLE, nearestAllowed(cfg.width())));
      }
    }
  }

  /** "0.25" or "0.25 or 0.5": the allowed widths (multiples of 0.25) nearest {@code width}. */
  static String nearestAllowed(double width) {
    double below = Math.floor(width * 4) / 4;
    double above = Math.ceil(width * 4) / 4;
    if (below < 0.25) {
      return "0.25";
    }
    return below == above ? plain(below) : plain(below) + " or " + plain(above);
  }

  private static String plain(double w) {
    return java.math.BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
  }
}
