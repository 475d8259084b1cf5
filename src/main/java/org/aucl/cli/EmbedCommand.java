package org.aucl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aucl.data.BadImages;
import org.aucl.data.DatasetOptions;
import org.aucl.data.SkippedImage;
import org.aucl.embedding.EmbeddingColumns;
import org.aucl.embedding.EmbeddingFormat;
import org.aucl.embedding.EmbeddingWriter;
import org.aucl.eval.FeatureHead;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.RunCheckpoint;
import org.aucl.runeval.CorpusEmbedder;
import org.aucl.runeval.EmbeddingRows;
import org.aucl.util.AtomicFiles;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aucl embed RUN_DIR --out FILE}: a checkpoint's embeddings of a dataset's images, streamed to a file. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes the L2-normalised encoder features (or projections) of a dataset's images, one row per image, as "
          + "they are computed: every row names its image (the path relative to the folder, or the index in its "
          + "split), its split where there are several, and its label and class where there are labels.",
      "FILE.csv: a header line, then id[,split][,label,class],v0,... FILE.npy: an n x dim float32 array, with "
          + "FILE.ids.csv (the same rows' id, split, label, class) and FILE.labels.npy (int64) beside it. "
          + "FILE.parquet: one row per image, the embedding a list of floats."
    })
public final class EmbedCommand implements Callable<Integer>, Checked {
  /** Images per forward pass. */
  static final int DEFAULT_BATCH = 256;
  static final int MAX_BATCH = 65536;

  @Mixin VerboseOption verbose;

  @Mixin EvalTarget target;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write: .csv, .npy or .parquet.")
  Path out;

  @Option(names = "--split",
      description = "all (the default: every split in order, or every image of a dataset without splits), or one split: "
          + "train, test, or the dataset's own (unlabeled for STL-10). A labelled folder without split folders is split as "
          + "the evaluations split it.")
  String split = EmbeddingRows.ALL;

  @Option(names = "--projector", description = "Write the projector's outputs instead of the encoder's.")
  boolean projector;

  @Option(names = "--batch-size", paramLabel = "N", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize = DEFAULT_BATCH;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads that decode and prepare images (default: the number of processors).")
  Integer workers;

  @Option(names = "--quiet", description = "No progress bar (for logs).")
  boolean quiet;

  private RunCheckpoint checkpoint;
  private EmbeddingFormat format;
  private EmbeddingRows rows;

  @Override
  public void check() {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new UserException("--batch-size must be between 1 and " + MAX_BATCH + ", got " + batchSize + ".");
    }
    if (workers != null && (workers < 1 || workers > 256)) {
      throw new UserException("--workers must be between 1 and 256, got " + workers + ".");
    }
    format = EmbeddingFormat.of(out);
    checkpoint = target.checkpoint();
    DatasetOptions read = target.readOptions(checkpoint).withKeepDecoded(false);
    rows = EmbeddingRows.of(target.datasetName(checkpoint), target.dataDir(checkpoint), read, split, checkpoint.channels(),
        checkpoint.imageSize());
  }

  @Override
  public Integer call() {
    if (rows == null) {
      check();
    }
    BadImages onBad = target.readOptions(checkpoint).onBadImage();
    int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
    List<SkippedImage> skipped;
    List<Path> written;
    long count;
    long total = rows.size();
    long start = System.nanoTime();
    try (ContrastiveNet net = checkpoint.loadNet(target.device())) {
      CorpusEmbedder embedder = new CorpusEmbedder(checkpoint, net.manager(),
          (projector ? FeatureHead.PROJECTOR : FeatureHead.ENCODER).of(net), batchSize, threads, onBad);
      EmbeddingColumns columns = new EmbeddingColumns(embedder.dimension(), rows.splitColumn(), rows.classNames());
      try (EmbeddingWriter writer = format.open(out, columns);
          ProgressBar bar = quiet ? null : bar(total)) {
        skipped = embedder.write(rows, writer, done -> {
          if (bar != null) {
            bar.stepTo(done);
          }
        });
        count = writer.rows();
        written = writer.commit();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println(target.describe(checkpoint));
      System.out.printf("wrote %d rows of %d %s features in %.1f s (%.0f images/s) to %s%n", count,
          columns.dim(), projector ? "projector" : "encoder", seconds, total / Math.max(seconds, 1e-9),
          String.join(", ", written.stream().map(Path::toString).toList()));
    }
    reportSkipped(skipped);
    return 0;
  }

  private static ProgressBar bar(long total) {
    return new ProgressBarBuilder().setTaskName("embed").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(System.err, 110))
        .setUnit(" img", 1).showSpeed().build();
  }

  /** Lists the images left out on the terminal and, in full, in a file beside the output. */
  private void reportSkipped(List<SkippedImage> decodeFailures) {
    List<SkippedImage> all = new java.util.ArrayList<>(rows.parts().stream()
        .flatMap(p -> p.images().skipped().stream()).distinct().toList());
    all.addAll(decodeFailures);
    if (all.isEmpty()) {
      return;
    }
    Path list = out.resolveSibling(out.getFileName() + ".skipped.txt");
    StringBuilder text = new StringBuilder();
    all.forEach(s -> text.append(s.id()).append('\t').append(s.problem()).append('\n'));
    AtomicFiles.writeString(list, text.toString());
    System.out.printf("left out %d unreadable file%s (listed in %s):%n", all.size(), all.size() == 1 ? "" : "s", list);
    all.stream().limit(10).forEach(s -> System.out.println("  " + s.id() + ": " + s.problem()));
    if (all.size() > 10) {
      System.out.println("  ... and " + (all.size() - 10) + " more");
    }
  }
}
