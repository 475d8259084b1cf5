package org.aucl.model;

import ai.djl.Device;
import java.util.Locale;

/**
 * The memory layout a ResNet's activations use: {@code channels-last} (B x H x W x C in memory) or
 * {@code contiguous} (B x C x H x W). The layout changes no value, only which kernels PyTorch picks:
 * on the CPU, oneDNN's convolutions, BatchNorm and max-pool run channels-last without reordering, and
 * a training step of the default job's model took 30% less time (docs/MODELS.md). The default,
 * {@code auto}, is channels-last on the CPU and contiguous elsewhere (not measured on a GPU).
 * The system property {@value #PROPERTY} overrides it, for benchmarks.
 */
public enum MemoryFormat {
  CHANNELS_LAST,
  CONTIGUOUS;

  /** System property: {@code auto}, {@code channels-last} or {@code contiguous}. */
  public static final String PROPERTY = "aucl.memory-format";

  /** The layout for a network on {@code device}, after the {@value #PROPERTY} override. */
  public static MemoryFormat forDevice(Device device) {
    String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "channels-last" -> CHANNELS_LAST;
      case "contiguous" -> CONTIGUOUS;
      case "auto" -> device.isGpu() ? CONTIGUOUS : CHANNELS_LAST;
      default -> throw new IllegalArgumentException(
          "Unknown -D" + PROPERTY + " '" + v + "': expected auto, channels-last or contiguous.");
    };
  }

  /** The layout a network of {@code arch} uses on {@code device}: a ViT has no convolutions past its patches, so it stays contiguous. */
  public static MemoryFormat forModel(String arch, Device device) {
    return NetConfig.isVitArch(arch) ? CONTIGUOUS : forDevice(device);
  }

  /** The name {@link #PROPERTY} takes and {@code config.json} records. */
  public String label() {
    return this == CHANNELS_LAST ? "channels-last" : "contiguous";
  }
}
