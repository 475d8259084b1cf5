package org.aucl.weights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's names for the arrays of a {@code model.ResNets} encoder: {@code conv1}, {@code bn1},
 * {@code layerL.B.convK} and {@code bnK}, {@code layerL.B.downsample.0} (the 1x1 conv) and {@code .1}
 * (its BatchNorm); BatchNorm's gamma, beta and running statistics as {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var}. The stem's ReLU and max-pool hold no arrays, so the
 * stages' positions in aucl's names depend on the stem.
 */
public final class TorchvisionNames implements WeightNames {
  private static final Pattern STAGE = Pattern.compile(
      "(\\d+)SequentialBlock_(\\d+)ResidualBlock_(01main|02shortcut)_(\\d+)(?:Conv2d|BatchNorm)_(\\w+)");
  private static final Pattern STEM = Pattern.compile("(01)Conv2d_(weight)|(02)BatchNorm_(\\w+)");

  /** Position of layer1 among the encoder's children: after conv, BatchNorm, ReLU and, but for the CIFAR stem, the max-pool. */
  private final int firstStage;

  public TorchvisionNames(String stem) {
    this.firstStage = stem.equals("cifar") ? 4 : 5;
  }

  @Override
  public String convention() {
    return "torchvision";
  }

  @Override
  public String encoder(String name) {
    Matcher stem = STEM.matcher(name);
    if (stem.matches()) {
      return stem.group(1) != null ? "conv1.weight" : "bn1." + param(stem.group(4));
    }
    Matcher m = STAGE.matcher(name);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected ResNet array " + name);
    }
    int layer = Integer.parseInt(m.group(1)) - firstStage + 1;
    int block = Integer.parseInt(m.group(2)) - 1;
    int position = Integer.parseInt(m.group(4)); // conv, BatchNorm, ReLU, conv, ... from 1
    String within = m.group(3).equals("01main")
        ? (name.contains("Conv2d_") ? "conv" : "bn") + ((position + 2) / 3)
        : "downsample." + (position - 1);
    return "layer" + layer + "." + block + "." + within + "." + param(m.group(5));
  }

  @Override
  public boolean isClassifier(String external) {
    return external.startsWith("fc.");
  }

  /** torch's name of a DJL parameter: BatchNorm's gamma and beta are weight and bias. */
  static String param(String djl) {
    return switch (djl) {
      case "gamma" -> "weight";
      case "beta" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> djl;
    };
  }
}
