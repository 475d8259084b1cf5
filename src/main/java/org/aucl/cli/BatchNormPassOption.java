package org.aucl.cli;

import org.aucl.train.PretrainConfig;
import org.aucl.util.UserException;
import picocli.CommandLine.Option;

/** {@code --bn-passes 1|2}, spelled and defaulted the same in every command that runs a training step. */
public final class BatchNormPassOption {
  @Option(names = "--bn-passes", paramLabel = "N",
      description = "2: each view through BatchNorm in its own pass (the authors'); 1: both views in one pass. Default: ${DEFAULT-VALUE}.")
  int passes = PretrainConfig.defaultJob().twoPassBatchNorm() ? 2 : 1;

  /** True for two passes; refuses anything but 1 or 2. */
  public boolean twoPass() {
    if (passes != 1 && passes != 2) {
      throw new UserException("--bn-passes must be 1 or 2, got " + passes + ".");
    }
    return passes == 2;
  }
}
