package org.aucl.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments of a pretraining small enough for a test: synthetic 32 x 32 images, a quarter-width ResNet, seconds per epoch. */
public final class TinyRun {
  /** 768 training and 256 test images of 4 classes, one channel, 32 x 32. */
  public static final String DATA = "synthetic:n=768,test=256,size=32,channels=1,classes=4,seed=3";

  private TinyRun() {}

  /** {@code pretrain} of {@code loss} for {@code epochs} epochs into {@code out}, with room for more options. */
  public static List<String> pretrain(Path out, String loss, int epochs) {
    return new ArrayList<>(List.of(
        "pretrain", "--dataset", DATA, "--preset", "fashion-mnist", "--stem", "cifar", "--width", "0.25",
        "--proj-hidden", "64", "--proj-out", "32", "--batch-size", "64", "--epochs", String.valueOf(epochs),
        "--lr", "3e-3", "--warmup-epochs", "0", "--knn-k", "20", "--workers", "2", "--seed", "7", "--loss", loss,
        "--quiet", "--out", out.toString()));
  }
}
