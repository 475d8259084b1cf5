package org.aucl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Groups the benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: loader throughput, training throughput, convolution kernels against float64, Embedder throughput.",
    subcommands = {BenchLoaderCommand.class, BenchTrainCommand.class, BenchKernelsCommand.class,
        BenchEmbedderCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
