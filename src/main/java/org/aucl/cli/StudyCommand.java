package org.aucl.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by its owner's implementation. */
@Command(name = "study", mixinStandardHelpOptions = true, description = "Studies of the objectives (bias of mini-batch estimates).")
public final class StudyCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("'study' is not implemented yet");
  }
}
