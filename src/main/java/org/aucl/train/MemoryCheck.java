package org.aucl.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.aucl.model.ContrastiveNet;
import org.aucl.spec.RunSpec;
import org.aucl.spec.TeacherStudentSpec;
import org.aucl.util.UserException;

/**
 * Refuses a run whose training step cannot fit in this machine's memory, before it starts, in one
 * sentence: a rough estimate ({@link ContrastiveNet#trainingBytes}) against the physical memory, so
 * that an absurd batch, image size or width is the user's mistake and not a crash.
 */
public final class MemoryCheck {
  private MemoryCheck() {}

  /** The images one step's backward pass keeps activations for. */
  static double imagesPerStep(RunSpec cfg) {
    int batch = cfg.schedule().batchSize();
    if (cfg.method() instanceof TeacherStudentSpec ts) {
      double local = (double) ts.settings().localSize() / cfg.net().imageSize();
      return batch * (2 + ts.settings().localCrops() * local * local); // the student's crops; the teacher keeps none
    }
    return 2.0 * batch; // two views
  }

  public static void requireFits(RunSpec cfg) {
    double need = ContrastiveNet.trainingBytes(cfg.net(), Math.round(imagesPerStep(cfg)));
    long have = physicalMemory();
    if (have > 0 && need > have) {
      throw new UserException(String.format(Locale.ROOT,
          "a training step of this network on batches of %d images of %d x %d needs about %.0f GB, more than this "
              + "machine's %.0f GB; lower --batch-size, --image-size or --width.",
          cfg.schedule().batchSize(), cfg.net().imageSize(), cfg.net().imageSize(), need / 1e9, have / 1e9));
    }
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }
}
