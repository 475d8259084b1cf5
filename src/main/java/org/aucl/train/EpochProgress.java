package org.aucl.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar for one epoch (loss, batch AUC, images/s, ETA); nothing at all when quiet. */
final class EpochProgress implements AutoCloseable {
  private final ProgressBar bar;

  EpochProgress(String task, long steps, boolean quiet, PrintStream err) {
    this.bar =
        quiet
            ? null
            : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err, 110))
                .setUnit(" steps", 1)
                .build();
  }

  /** Starts the bar at {@code done} steps (an epoch resumed in its middle). */
  void skip(long done) {
    if (bar != null && done > 0) {
      bar.stepTo(done);
    }
  }

  void step(double loss, double auc, double imagesPerSecond) {
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(String.format("loss %.4f auc %.3f %.0f img/s", loss, auc, imagesPerSecond));
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
