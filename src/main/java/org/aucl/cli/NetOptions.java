package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.model.NetConfig;
import org.aucl.util.UserException;
import picocli.CommandLine.Option;

/** {@code pretrain}'s network options, applied to a run's network; each is null unless given. */
public final class NetOptions {
  @Option(names = "--model", paramLabel = "NAME",
      description = "resnet18, resnet34, resnet50, vit-tiny or vit-small (default: " + NetConfig.Builder.DEFAULT_ARCH + ").")
  String model;

  @Option(names = "--patch-size", paramLabel = "P",
      description = "Side of a ViT's patches (vit-tiny, vit-small only; default: " + NetConfig.DEFAULT_PATCH + ").")
  Integer patchSize;

  @Option(names = "--stem", paramLabel = "NAME",
      description = "cifar (3x3 stride 1, no max-pool; the authors' CIFAR recipe), small (3x3 stride 1 and max-pool: 4x fewer "
          + "FLOPs) or imagenet (7x7 stride 2 and max-pool: 16x fewer) (default: " + NetConfig.Builder.DEFAULT_STEM + ").")
  String stem;

  @Option(names = "--width", paramLabel = "W",
      description = "Width multiplier, a multiple of 0.25 on the CPU (0.25: 16-32-64-128 channels; default: "
          + NetConfig.Builder.DEFAULT_WIDTH + ").")
  Double width;

  @Option(names = "--proj-hidden", paramLabel = "N", description = "Projector hidden size (default: " + NetConfig.DEFAULT_PROJ_HIDDEN + ").")
  Integer projHidden;

  @Option(names = "--proj-out", paramLabel = "N", description = "Projector output size (default: " + NetConfig.DEFAULT_PROJ_OUT + ").")
  Integer projOut;

  void applyTo(NetConfig.Builder net) {
    if (model != null) {
      net.optArch(model);
    }
    if (patchSize != null) {
      if (!NetConfig.isVitArch(net.arch())) {
        throw new UserException("--patch-size applies only to the ViT models (vit-tiny, vit-small), not " + net.arch() + ".");
      }
      net.optPatchSize(patchSize);
    }
    if (stem != null) {
      net.optStem(stem);
    }
    if (width != null) {
      net.optWidth(width);
    }
    if (projHidden != null || projOut != null) {
      net.optProjector(projHidden != null ? projHidden : net.projHidden(), projOut != null ? projOut : net.projOut());
    }
  }

  /** The projector's options given (the two-view method's only). */
  List<String> projectorGiven() {
    List<String> g = new ArrayList<>();
    if (projHidden != null) g.add("--proj-hidden");
    if (projOut != null) g.add("--proj-out");
    return g;
  }
}
