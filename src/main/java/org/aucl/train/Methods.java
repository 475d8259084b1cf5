package org.aucl.train;

import ai.djl.Device;
import java.util.List;
import org.aucl.method.PretrainMethod;
import org.aucl.method.TwoViewMethod;
import org.aucl.method.teacher.TeacherStudentMethod;
import org.aucl.method.teacher.TeacherStudentNets;
import org.aucl.model.ContrastiveNet;
import org.aucl.util.UserException;

/** The pretraining methods by name: a new method is one class and one line here. */
public final class Methods {
  /** Names {@code pretrain --method} accepts. */
  public static final List<String> NAMES = List.of(TwoViewMethod.NAME, TeacherStudentMethod.NAME);

  private Methods() {}

  /** The method {@code cfg.method()} names, built from {@code cfg} on {@code device}. */
  public static PretrainMethod<?> create(PretrainConfig cfg, Device device, int datasetSize) {
    return switch (cfg.method()) {
      case TwoViewMethod.NAME -> new TwoViewMethod(
          cfg.net(), cfg.objective(), cfg.optimizer(), cfg.twoPassBatchNorm(), device, cfg.seed(), datasetSize);
      case TeacherStudentMethod.NAME -> new TeacherStudentMethod(cfg.net(), cfg.teacher(), cfg.optimizer(), device, cfg.seed());
      default -> throw unknown(cfg.method());
    };
  }

  /**
   * A network of the shape whose weights the run's checkpoint part "model" holds (its method's
   * {@code evalNet()}), initialised from the run's seed: what evaluations load a checkpoint into.
   */
  public static ContrastiveNet evalNet(PretrainConfig cfg, Device device) {
    return switch (cfg.method()) {
      case TwoViewMethod.NAME -> ContrastiveNet.create(cfg.net(), cfg.seed(), device);
      case TeacherStudentMethod.NAME -> TeacherStudentNets.network(cfg.net(), cfg.teacher(), cfg.seed(), device);
      default -> throw unknown(cfg.method());
    };
  }

  /** True for methods trained with an objective of the loss package ({@code --loss}). */
  public static boolean usesObjective(String method) {
    return TwoViewMethod.NAME.equals(method);
  }

  private static UserException unknown(String method) {
    return new UserException("unknown --method '" + method + "': expected one of " + String.join(", ", NAMES) + ".");
  }
}
