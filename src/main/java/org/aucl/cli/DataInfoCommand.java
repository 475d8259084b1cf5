package org.aucl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aucl.data.DatasetSource;
import org.aucl.data.Datasets;
import org.aucl.data.ImageDataset;
import org.aucl.util.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code aucl data info NAME|PATH}: format, location, and per split its size, shape and class counts. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Describe a dataset: format, splits and sizes, image shape, class names and per-class counts.")
public final class DataInfoCommand implements Callable<Integer>, Checked {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "NAME|PATH",
      description = "A dataset name (fashion-mnist, mnist, cifar10, cifar100, stl10, synthetic[:opts]) or a path.")
  String dataset;

  @Option(names = "--split", paramLabel = "SPLIT", description = "Describe only this split (default: all).")
  String split;

  @Mixin DatasetReadOptions read;

  private DatasetSource source;

  @Override
  public void check() {
    source = Datasets.locate(dataset, read.dataDir(), read.options());
    if (split != null && !source.splits().contains(split)) {
      throw new UserException(source.name() + " has no split '" + split + "': it has " + String.join(", ", source.splits()) + ".");
    }
  }

  @Override
  public Integer call() {
    if (source == null) {
      check();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("dataset:  " + source.name());
    out.println("format:   " + source.format());
    out.println("location: " + source.location());
    out.println("splits:   " + String.join(", ", source.splits()));
    List<String> splits = split != null ? List.of(split) : source.splits();
    for (String s : splits) {
      describe(out, s, source.open(s));
    }
    out.flush();
    return 0;
  }

  private static void describe(PrintWriter out, String split, ImageDataset ds) {
    if (ds.shapesVary()) {
      int minSide = Integer.MAX_VALUE;
      int maxSide = 0;
      for (int i = 0; i < ds.size(); i++) {
        minSide = Math.min(minSide, Math.min(ds.height(i), ds.width(i)));
        maxSide = Math.max(maxSide, Math.max(ds.height(i), ds.width(i)));
      }
      out.printf("%n[%s] %d images, %d channels, each of its own shape (sides %d to %d; views %dx%d unless --image-size)%n",
          split, ds.size(), ds.channels(), minSide, maxSide, ds.height(), ds.width());
    } else {
      out.printf("%n[%s] %d images, %dx%dx%d (CHW)%n", split, ds.size(), ds.channels(), ds.height(), ds.width());
    }
    if (!ds.skipped().isEmpty()) {
      out.printf("  %d file%s left out, unreadable:%n", ds.skipped().size(), ds.skipped().size() == 1 ? "" : "s");
      ds.skipped().forEach(s -> out.printf("    %s: %s%n", s.id(), s.problem()));
    }
    if (!ds.labeled()) {
      out.println("  unlabeled");
      return;
    }
    List<String> names = ds.classNames();
    int[] counts = new int[names.size()];
    for (int i = 0; i < ds.size(); i++) {
      counts[ds.label(i)]++;
    }
    out.printf("  %d classes:%n", names.size());
    for (int c = 0; c < names.size(); c++) {
      out.printf("  %4d  %-32s %d%n", c, names.get(c), counts[c]);
    }
  }
}
