package org.aucl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aucl.eval.EmbeddingFiles;
import org.aucl.eval.FeatureHead;
import org.aucl.eval.Features;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.RunFeatures;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl embed RUN_DIR --out FILE}: a checkpoint's features of a dataset, as CSV or NPY. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes the L2-normalised encoder features (or projections) of a dataset's images: CSV rows "
          + "index,label,v0,..., or NPY when FILE ends in .npy (float32 n x dim, labels as int64 in FILE.labels.npy)."
    })
public final class EmbedCommand implements Callable<Integer> {
  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (.csv or .npy).")
  Path out;

  @Option(names = "--split", description = "train, test, or all (train rows, then test rows). Default: ${DEFAULT-VALUE}.")
  String split = "test";

  @Option(names = "--projector", description = "Write the projector's outputs instead of the encoder's.")
  boolean projector;

  @Override
  public Integer call() {
    if (!split.equals("train") && !split.equals("test") && !split.equals("all")) {
      throw new UserException("--split must be train, test or all, got '" + split + "'.");
    }
    RunCheckpoint ckpt = target.checkpoint();
    FeatureHead head = projector ? FeatureHead.PROJECTOR : FeatureHead.ENCODER;
    try (RunFeatures rf = target.features(ckpt)) {
      Features f = switch (split) {
        case "train" -> rf.train(head);
        case "test" -> rf.test(head);
        default -> rf.train(head).concat(rf.test(head));
      };
      EmbeddingFiles.write(out, f, true);
      System.out.println(target.describe(ckpt) + "; " + rf.splits().note());
      System.out.printf(
          "wrote %d x %d %s features (%s split%s) to %s%s%n",
          f.n(), f.dim(), projector ? "projector" : "encoder", split, split.equals("all") ? "s: train rows first" : "",
          out, EmbeddingFiles.isNpy(out) ? " and the labels to " + EmbeddingFiles.labelsFile(out) : "");
    }
    return 0;
  }
}
