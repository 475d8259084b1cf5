package org.aucl.cli;

import picocli.CommandLine.Command;

/** Placeholder: replaced by its owner's implementation. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, description = "Self-supervised pretraining with AUC-CL or a baseline, with a kNN monitor.")
public final class PretrainCommand implements Runnable {
  @Override
  public void run() {
    throw new UnsupportedOperationException("'pretrain' is not implemented yet");
  }
}
