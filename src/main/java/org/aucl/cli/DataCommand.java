package org.aucl.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by its owner's implementation. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Obtain and inspect datasets (fetch, info).")
public final class DataCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("'data' is not implemented yet");
  }
}
