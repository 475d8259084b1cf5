package org.aucl.weights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aucl.model.NetConfig;

/**
 * How aucl's arrays are named outside the JVM: torchvision's names for the ResNets
 * ({@link TorchvisionNames}), timm's for the ViTs ({@link TimmNames}), and the projector as the
 * {@code torch.nn.Sequential(Linear, BatchNorm1d, ReLU, Linear)} it is ({@code projector.0},
 * {@code projector.1}, {@code projector.3}).
 */
public interface WeightNames {
  /** The encoder's prefix in aucl's names. */
  String ENCODER = "encoder.";

  /** The projector's prefix, the same in both conventions. */
  String PROJECTOR = "projector.";

  /** "torchvision" or "timm". */
  String convention();

  /** The outside name of the encoder array {@code name} (aucl's name without {@value #ENCODER}). */
  String encoder(String name);

  /** True for a classifier's tensor, which a file may hold and an encoder has no use for ({@code fc.*}, {@code head.*}). */
  boolean isClassifier(String external);

  /** The names for {@code cfg}'s encoder. */
  static WeightNames of(NetConfig cfg) {
    return NetConfig.isVitArch(cfg.arch()) ? new TimmNames() : new TorchvisionNames(cfg.stem());
  }

  /** The outside name of the projector array {@code name} (aucl's name without {@value #PROJECTOR}). */
  static String projector(String name) {
    Matcher m = Pattern.compile("(\\d+)(Linear|BatchNorm)_(\\w+)").matcher(name);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected projector array " + name);
    }
    return PROJECTOR + (Integer.parseInt(m.group(1)) - 1) + "." + TorchvisionNames.param(m.group(3));
  }
}
