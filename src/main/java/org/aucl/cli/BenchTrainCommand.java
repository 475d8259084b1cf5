package org.aucl.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by its owner's implementation. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Training step throughput and model-FLOP utilisation.")
public final class BenchTrainCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("'train' is not implemented yet");
  }
}
