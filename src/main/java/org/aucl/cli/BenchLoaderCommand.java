package org.aucl.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by its owner's implementation. */
@Command(name = "loader", mixinStandardHelpOptions = true, description = "Two-view loader throughput (views per second).")
public final class BenchLoaderCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("'loader' is not implemented yet");
  }
}
