package org.aucl.cli;

import java.util.ArrayList;
import java.util.List;
import org.aucl.spec.Recipe;
import org.aucl.spec.RunSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Every option that describes a pretraining run, in one group per concern; {@link #spec()} applies
 * them to a {@link RunSpec.Builder}: the data, then the recipe, then every option given, so that a
 * given option wins over the recipe and the recipe over the default job. {@code pretrain} and
 * {@code sweep} (for the options after {@code --}) share it.
 */
public final class PretrainOptions {
  @Option(names = "--recipe", paramLabel = "NAME",
      description = "A named bundle of settings (listed below); options given explicitly win (default: " + RunSpec.DEFAULT_RECIPE + ").")
  String recipe;

  @Mixin MethodOptions method;
  @Mixin DataOptions data;
  @Mixin NetOptions net;
  @Mixin OptimizerOptions optimizer;
  @Mixin ScheduleOptions schedule;
  @Mixin MonitorOptions monitor;
  @Mixin SafetyOptions safety;
  @Mixin DeviceOption device;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of all randomness (default: " + RunSpec.DEFAULT_SEED + ").")
  Long seed;

  /** The dataset's name as given (or the default), before anything is opened. */
  String dataset() {
    return data.dataset();
  }

  /** The builder these options describe: the recipe's settings with every given option applied. */
  RunSpec.Builder builder() {
    RunSpec.Builder b = RunSpec.builder().setData(data.spec());
    if (recipe != null) {
      UserInput.check(() -> Recipe.parse(recipe)).applyTo(b);
    }
    data.applyTo(b);
    net.applyTo(b.net());
    List<String> twoViewOnly = new ArrayList<>(net.projectorGiven());
    twoViewOnly.addAll(optimizer.twoViewOnlyGiven());
    b.optMethod(method.applyTo(b.method(), twoViewOnly));
    b.optOptimizer(optimizer.applyTo(b.optimizer()));
    b.optSchedule(schedule.applyTo(b.schedule()));
    if (monitor.anyGiven()) {
      b.optMonitor(monitor.applyTo(b.monitor()));
    }
    b.optSafety(safety.applyTo(b.safety()));
    if (device.given() != null) {
      b.optDevice(device.given());
    }
    if (seed != null) {
      b.optSeed(seed);
    }
    return b;
  }

  /** The run these options describe, checked (opens the dataset to read its shape). */
  RunSpec spec() {
    return UserInput.check(builder()::build);
  }
}
