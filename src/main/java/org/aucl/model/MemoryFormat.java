package org.aucl.model;

import ai.djl.Device;
import java.util.Locale;
import org.aucl.util.UserException;

/**
 * The memory layout a ResNet's activations use: {@code channels-last} (B x H x W x C in memory) or
 * {@code contiguous} (B x C x H x W). The layout changes no value, only which kernels PyTorch picks:
 * on the CPU, oneDNN's convolutions, BatchNorm and max-pool run channels-last without reordering (a
 * training step of the default job's model takes 30% less time), and oneDNN 3.7.1's contiguous
 * convolutions compute wrong values on some processors even at channel counts that are multiples of
 * 16 (docs/MODELS.md, "Convolution kernels checked against float64"). So a ResNet on the CPU runs
 * channels-last, always; on a GPU it runs contiguous (channels-last there is not measured). The system
 * property {@value #PROPERTY} chooses the GPU's layout, for benchmarks.
 */
public enum MemoryFormat {
  CHANNELS_LAST,
  CONTIGUOUS;

  /** System property: {@code auto}, {@code channels-last} or {@code contiguous}. */
  public static final String PROPERTY = "aucl.memory-format";

  /** The layout for a ResNet on {@code device}, after the {@value #PROPERTY} override (refused on the CPU but for channels-last). */
  public static MemoryFormat forDevice(Device device) {
    String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    MemoryFormat chosen = switch (v) {
      case "channels-last" -> CHANNELS_LAST;
      case "contiguous" -> CONTIGUOUS;
      case "auto" -> device.isGpu() ? CONTIGUOUS : CHANNELS_LAST;
      default -> throw new UserException(
          "Unknown -D" + PROPERTY + " '" + v + "': expected auto, channels-last or contiguous.");
    };
    requireAllowed(chosen, device);
    return chosen;
  }

  /** The layout a network of {@code arch} uses on {@code device}: a ViT has no convolutions past its patches, so it stays contiguous. */
  public static MemoryFormat forModel(String arch, Device device) {
    return NetConfig.isVitArch(arch) ? CONTIGUOUS : forDevice(device);
  }

  /** Refuses a ResNet layout shown wrong on {@code device}: contiguous on the CPU. */
  static void requireAllowed(MemoryFormat format, Device device) {
    if (format == CONTIGUOUS && !device.isGpu()) {
      throw new UserException("A ResNet runs channels-last on the CPU: oneDNN's contiguous convolutions compute wrong "
          + "values on some processors (docs/MODELS.md); remove -D" + PROPERTY + "=contiguous.");
    }
  }

  /** The name {@link #PROPERTY} takes and {@code config.json} records. */
  public String label() {
    return this == CHANNELS_LAST ? "channels-last" : "contiguous";
  }
}
