package org.aucl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aucl.data.DatasetFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code aucl data fetch NAME}: puts a known dataset into the data directory (see docs/DATASETS.md). */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Download a dataset (fashion-mnist, mnist, cifar10, cifar100, stl10) into DATA_DIR/NAME, MD5-checked.",
      "For fashion-mnist, as root, installs Debian's package dataset-fashion-mnist instead when possible."
    })
public final class DataFetchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "NAME", description = "fashion-mnist, mnist, cifar10, cifar100 or stl10.")
  String name;

  @Mixin DataDirOption dataDir;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Download from this mirror (http, https or file URL) instead of the official site.")
  String baseUrl;

  @Option(names = "--no-apt", description = "Never install the Debian package; download instead.")
  boolean noApt;

  @Override
  public Integer call() {
    Path dir = dataDir.orDefault();
    new DatasetFetcher(spec.commandLine().getErr()).fetch(name, dir, baseUrl, !noApt);
    return 0;
  }
}
