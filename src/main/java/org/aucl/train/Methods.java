package org.aucl.train;

import ai.djl.Device;
import java.util.List;
import org.aucl.method.PretrainMethod;
import org.aucl.method.TwoViewMethod;
import org.aucl.util.UserException;

/** The pretraining methods by name: a new method is one class and one line here. */
public final class Methods {
  /** Names {@code pretrain --method} accepts. */
  public static final List<String> NAMES = List.of(TwoViewMethod.NAME);

  private Methods() {}

  /** The method {@code cfg.method()} names, built from {@code cfg} on {@code device}. */
  public static PretrainMethod<?> create(PretrainConfig cfg, Device device, int datasetSize) {
    return switch (cfg.method()) {
      case TwoViewMethod.NAME -> new TwoViewMethod(
          cfg.net(), cfg.objective(), cfg.optimizer(), cfg.twoPassBatchNorm(), device, cfg.seed(), datasetSize);
      default -> throw new UserException(
          "unknown --method '" + cfg.method() + "': expected one of " + String.join(", ", NAMES) + ".");
    };
  }
}
