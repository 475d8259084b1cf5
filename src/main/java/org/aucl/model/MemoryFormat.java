package org.aucl.model;

import ai.djl.Device;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aucl.util.UserException;

/**
 * The memory layout a ResNet's activations use: {@code channels-last} (B x H x W x C in memory) or
 * {@code contiguous} (B x C x H x W). The layout changes no value, only which kernels PyTorch picks:
 * on the CPU, oneDNN's convolutions, BatchNorm and max-pool run channels-last without reordering (a
 * training step of the default job's model takes 30% less time), so a ResNet on the CPU runs
 * channels-last unless {@link NetworkCheck} has shown that layout wrong for its network and the other
 * one right: each layout computes wrong gradients on some processors (docs/MODELS.md, "Whole-network
 * check"). On a GPU it runs contiguous (channels-last there is not measured). The system property
 * {@value #PROPERTY} chooses the first layout tried, for benchmarks.
 */
public enum MemoryFormat {
  CHANNELS_LAST,
  CONTIGUOUS;

  /** System property: {@code auto}, {@code channels-last} or {@code contiguous}. */
  public static final String PROPERTY = "aucl.memory-format";

  /** The layouts the whole-network check chose for networks on the CPU, in this process. */
  private static final Map<NetConfig, MemoryFormat> CHOSEN = new ConcurrentHashMap<>();

  /** The layout for a ResNet on {@code device}, after the {@value #PROPERTY} override. */
  public static MemoryFormat forDevice(Device device) {
    String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "channels-last" -> CHANNELS_LAST;
      case "contiguous" -> CONTIGUOUS;
      case "auto" -> device.isGpu() ? CONTIGUOUS : CHANNELS_LAST;
      default -> throw new UserException(
          "Unknown -D" + PROPERTY + " '" + v + "': expected auto, channels-last or contiguous.");
    };
  }

  /** The layout a network of {@code arch} uses on {@code device}: a ViT has no convolutions past its patches, so it stays contiguous. */
  public static MemoryFormat forModel(String arch, Device device) {
    return NetConfig.isVitArch(arch) ? CONTIGUOUS : forDevice(device);
  }

  /** The layout a network of {@code cfg} uses on {@code device}: the one the whole-network check chose, if any. */
  public static MemoryFormat forNet(NetConfig cfg, Device device) {
    MemoryFormat chosen = device.isGpu() || NetConfig.isVitArch(cfg.arch()) ? null : CHOSEN.get(cfg);
    return chosen != null ? chosen : forModel(cfg.arch(), device);
  }

  /** Networks of {@code cfg} on the CPU use {@code format} from now on in this process. */
  static void choose(NetConfig cfg, MemoryFormat format) {
    CHOSEN.put(cfg, format);
  }

  /** The other layout. */
  public MemoryFormat other() {
    return this == CHANNELS_LAST ? CONTIGUOUS : CHANNELS_LAST;
  }

  /** The name {@link #PROPERTY} takes and {@code config.json} records. */
  public String label() {
    return this == CHANNELS_LAST ? "channels-last" : "contiguous";
  }
}
