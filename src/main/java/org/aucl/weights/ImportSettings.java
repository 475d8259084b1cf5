package org.aucl.weights;

import java.util.Map;
import org.aucl.model.NetConfig;

/**
 * The network and normalisation for a file's weights: each value from the option given, else from
 * the file's aucl metadata ({@link WeightsMetadata}), else read off the tensors' shapes where they
 * tell (input channels, a ResNet's width and a 7x7 stem, a ViT's patch and grid, the projector's
 * sizes), else the default of torchvision's ImageNet models (224 px for the ImageNet stem and the ViTs,
 * 32 otherwise; ImageNet's mean and std for 3 channels).
 */
public final class ImportSettings {
  /** ImageNet's per-channel mean and std, which torchvision's and timm's ImageNet weights expect. */
  static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** What the command line gave; null where not given. */
  public record Given(String model, String stem, Double width, Integer channels, Integer imageSize, Integer patchSize,
      float[] mean, float[] std) {}

  /**
   * The resolved settings.
   *
   * @param mean null: the dataset preset's normalisation
   */
  public record Resolved(NetConfig net, float[] mean, float[] std) {}

  private ImportSettings() {}

  /** Resolves {@code given} against {@code file}; a setting nothing gives is an {@link IllegalArgumentException}. */
  public static Resolved resolve(SafetensorsFile file, String fileName, Given given) {
    Map<String, String> meta = file.metadata();
    String arch = first(given.model(), meta.get("arch"));
    if (arch == null) {
      throw new IllegalArgumentException(fileName + " does not say which network it holds (it has no aucl metadata): "
          + "give --model (resnet18, resnet34, resnet50, vit-tiny or vit-small).");
    }
    boolean vit = NetConfig.isVitArch(arch);
    if (vit && (given.stem() != null || given.width() != null)) {
      throw new IllegalArgumentException("--stem and --width apply to the ResNets, not to " + arch + ".");
    }
    if (!vit && given.patchSize() != null) {
      throw new IllegalArgumentException("--patch-size applies to the ViTs (vit-tiny, vit-small), not to " + arch + ".");
    }
    NetConfig.Builder net = NetConfig.builder().optArch(arch);
    int channels;
    int side;
    if (NetConfig.isVitArch(arch)) {
      long[] pe = shape(file, "patch_embed.proj.weight", 4);
      long[] pos = shape(file, "pos_embed", 3);
      channels = first(given.channels(), WeightsMetadata.integer(meta, "in_channels"), pe == null ? null : (int) pe[1], 3);
      int patch = first(given.patchSize(), WeightsMetadata.integer(meta, "patch_size"), pe == null ? null : (int) pe[2],
          NetConfig.DEFAULT_PATCH);
      Integer grid = pos == null ? null : (int) Math.round(Math.sqrt(pos[1] - 1));
      side = first(given.imageSize(), WeightsMetadata.integer(meta, "image_size"), grid == null ? null : grid * patch, 224);
      net.optPatchSize(patch);
    } else {
      long[] conv1 = shape(file, "conv1.weight", 4);
      channels = first(given.channels(), WeightsMetadata.integer(meta, "in_channels"),
          conv1 == null ? null : (int) conv1[1], 3);
      net.optWidth(first(given.width(), WeightsMetadata.number(meta, "width"), conv1 == null ? null : conv1[0] / 64.0, 1.0));
      String stem = first(given.stem(), meta.get("stem"), conv1 != null && conv1[2] == 7 ? "imagenet" : null);
      if (stem == null) {
        throw new IllegalArgumentException(fileName + "'s conv1 is not the ImageNet stem's 7x7: give --stem cifar (no "
            + "max-pool) or --stem small (with max-pool).");
      }
      net.optStem(stem);
      side = first(given.imageSize(), WeightsMetadata.integer(meta, "image_size"), stem.equals("imagenet") ? 224 : 32);
    }
    long[] p0 = shape(file, "projector.0.weight", 2);
    long[] p3 = shape(file, "projector.3.weight", 2);
    if (p0 != null && p3 != null) {
      net.optProjector((int) p0[0], (int) p3[0]);
    }
    NetConfig cfg = net.build(channels, side);
    requireFirstLayerFits(file, fileName, cfg);
    float[] mean = first(given.mean(), WeightsMetadata.floats(meta, "mean"), channels == 3 ? IMAGENET_MEAN : null);
    float[] std = first(given.std(), WeightsMetadata.floats(meta, "std"), channels == 3 ? IMAGENET_STD : null);
    if ((mean == null) != (std == null)) {
      throw new IllegalArgumentException("give both --mean and --std for " + channels + "-channel images, or neither.");
    }
    for (float[] v : new float[][] {mean, std}) {
      if (v != null && v.length != 1 && v.length != channels) {
        throw new IllegalArgumentException("--mean and --std take one number per channel (" + channels + ") or one for all, got "
            + v.length + ".");
      }
    }
    return new Resolved(cfg, mean, std);
  }

  /**
   * Refuses, before any network is built, a first layer (and a ViT's position embeddings) whose shape is
   * not {@code cfg}'s: the settings that size the network are checked against the file cheaply, so that
   * an absurd one is never built. The other tensors are checked when loaded ({@link WeightImport}).
   */
  private static void requireFirstLayerFits(SafetensorsFile file, String fileName, NetConfig cfg) {
    if (NetConfig.isVitArch(cfg.arch())) {
      Tensor pe = file.tensors().get("patch_embed.proj.weight");
      if (pe == null || pe.shape().length != 4) {
        return; // the import names it
      }
      long dim = pe.shape()[0];
      long grid = cfg.imageSize() / cfg.patchSize();
      fits(pe, fileName, cfg, dim, cfg.inChannels(), cfg.patchSize(), cfg.patchSize());
      fits(file.tensors().get("pos_embed"), fileName, cfg, 1, 1 + grid * grid, dim);
    } else {
      int k = cfg.stem().equals("imagenet") ? 7 : 3;
      fits(file.tensors().get("conv1.weight"), fileName, cfg, org.aucl.model.ResNets.planes(cfg.width())[0],
          cfg.inChannels(), k, k);
    }
  }

  private static void fits(Tensor t, String fileName, NetConfig cfg, long... want) {
    if (t != null && !java.util.Arrays.equals(t.shape(), want)) {
      throw new IllegalArgumentException("tensor '" + t.name() + "' of " + fileName + " has shape "
          + java.util.Arrays.toString(t.shape()) + ", but " + WeightsMetadata.describe(cfg) + " needs "
          + java.util.Arrays.toString(want) + ".");
    }
  }

  /** The shape of tensor {@code name}; null when absent or of another rank than its layer's (the import then names it). */
  private static long[] shape(SafetensorsFile file, String name, int rank) {
    Tensor t = file.tensors().get(name);
    return t == null || t.shape().length != rank ? null : t.shape();
  }

  @SafeVarargs
  private static <T> T first(T... options) {
    for (T o : options) {
      if (o != null) {
        return o;
      }
    }
    return null;
  }
}
