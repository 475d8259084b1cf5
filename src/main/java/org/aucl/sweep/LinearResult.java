package org.aucl.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.LinearProbe;
import org.aucl.model.Devices;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunFeatures;
import org.aucl.util.Json;

/**
 * linear.json in a run's folder: the linear probe of its last checkpoint (docs/EVALUATION.md), written
 * by a sweep with {@code --linear} so that a resumed sweep does not probe the run again.
 *
 * @param top1 test top-1, a fraction in [0, 1]
 * @param c the regularisation chosen on the held-out part of the training split
 */
public record LinearResult(double top1, double c) {
  static final String FILE = "linear.json";

  /** Probes the run in {@code dir} and writes linear.json. */
  static LinearResult probe(Path dir, String device) {
    RunCheckpoint ckpt = RunCheckpoint.open(dir, "last");
    try (RunFeatures rf = new RunFeatures(ckpt, RunFeatures.splitsFor(ckpt, null, null), Devices.resolve(device))) {
      LinearProbe.Result r = new LinearProbe(0).evaluate(rf.train(FeatureHead.ENCODER), rf.test(FeatureHead.ENCODER));
      LinearResult result = new LinearResult(r.top1(), r.c());
      Json.write(dir.resolve(FILE), result);
      return result;
    }
  }

  static Optional<LinearResult> read(Path dir) {
    Path f = dir.resolve(FILE);
    return Files.isRegularFile(f) ? Optional.of(Json.read(f, LinearResult.class)) : Optional.empty();
  }
}
