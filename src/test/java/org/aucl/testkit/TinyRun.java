package org.aucl.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments of a pretraining small enough for a test: synthetic 32 x 32 images, a quarter-width ResNet, seconds per epoch. */
public final class TinyRun {
  /** 768 training and 256 test images of 4 classes, one channel, 32 x 32. */
  public static final String DATA = "synthetic:n=768,test=256,size=32,channels=1,classes=4,seed=3";

  /** As the value of an override: leave the option out, so that the command's own default applies. */
  public static final String OMIT = "<omit>";

  /** The options of {@link #pretrain(Path, String...)} before any override: one epoch of the default objective. */
  private static final List<String> OPTIONS = List.of(
      "--dataset", DATA, "--preset", "fashion-mnist", "--stem", "cifar", "--width", "0.25",
      "--proj-hidden", "64", "--proj-out", "32", "--batch-size", "64", "--epochs", "1",
      "--lr", "3e-3", "--warmup-epochs", "0", "--knn-k", "20", "--workers", "2", "--seed", "7");

  private TinyRun() {}

  /** {@code pretrain} of {@code loss} for {@code epochs} epochs into {@code out}, with room for more options. */
  public static List<String> pretrain(Path out, String loss, int epochs) {
    return pretrain(out, "--epochs", String.valueOf(epochs), "--loss", loss);
  }

  /**
   * {@code pretrain} into {@code out} with {@code overrides}, pairs of an option and its value, applied in
   * order: an option already there takes the new value in its place ({@link #OMIT}: the option is taken
   * out), another is added after the others, before {@code --quiet --out}. The list is mutable.
   */
  public static List<String> pretrain(Path out, String... overrides) {
    if (overrides.length % 2 != 0) {
      throw new IllegalArgumentException("overrides come in pairs of an option and its value: " + List.of(overrides));
    }
    List<String> options = new ArrayList<>(OPTIONS);
    for (int i = 0; i < overrides.length; i += 2) {
      String name = overrides[i];
      String value = overrides[i + 1];
      int at = indexOfOption(options, name);
      if (OMIT.equals(value)) {
        if (at >= 0) {
          options.subList(at, at + 2).clear();
        }
      } else if (at >= 0) {
        options.set(at + 1, value);
      } else {
        options.addAll(List.of(name, value));
      }
    }
    List<String> args = new ArrayList<>();
    args.add("pretrain");
    args.addAll(options);
    args.addAll(List.of("--quiet", "--out", out.toString()));
    return args;
  }

  /** Where option {@code name} is in {@code options} (names and values alternate), or -1. */
  private static int indexOfOption(List<String> options, String name) {
    for (int i = 0; i < options.size(); i += 2) {
      if (options.get(i).equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
