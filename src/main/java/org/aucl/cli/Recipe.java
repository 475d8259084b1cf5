package org.aucl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aucl.loss.AucClObjective;
import org.aucl.loss.AucClPreset;
import org.aucl.method.TwoViewMethod;
import org.aucl.util.UserException;

/**
 * A named bundle of {@code pretrain} options (docs/LOSSES.md, "Recipes"). A recipe is applied as
 * options written before the user's, so that any option the user gives explicitly wins; the run's
 * config.json records the recipe's name and every resolved value.
 */
public enum Recipe {
  /** The default job, {@code PretrainConfig.defaultJob()}: it sets nothing. */
  DEFAULT("default", "the default job (docs/PRETRAINING.md)", List.of(), List.of()),
  /**
   * The authors' whole CIFAR recipe (docs/LOSSES.md, "Recipes: the authors' CIFAR recipe as a whole"): their loss, b decayed with the network by AdamW
   * at a constant 1e-3, one BatchNorm pass per view, the CIFAR stem, augmentations and projector, and a
   * kNN monitor with (1 + cos) / 2 votes. The encoder's size is left to the run (theirs is a ResNet-50).
   */
  OFFICIAL_CIFAR(
      "official-cifar",
      "the authors' CIFAR recipe: official-cifar loss, b decayed, AdamW lr 1e-3 wd 1e-4 constant, 2 BatchNorm passes, "
          + "CIFAR stem, augmentations and projector, kNN votes (1 + cos) / 2",
      List.of(
          "--optimizer", "adamw", "--lr", "1e-3", "--weight-decay", "1e-4", "--decay-objective-variables", "true",
          // a constant rate: no warm-up, and a cosine whose floor is the rate itself
          "--warmup-epochs", "0", "--min-lr-ratio", "1",
          "--bn-passes", "2", "--stem", "cifar", "--preset", "cifar", "--proj-hidden", "512", "--proj-out", "128",
          "--knn-k", "200", "--knn-weights", "shifted-cosine"),
      List.of("--auc-preset", AucClPreset.OFFICIAL_CIFAR.toString()));

  private final String label;
  private final String summary;
  private final List<String> options;
  private final List<String> aucClOptions;

  Recipe(String label, String summary, List<String> options, List<String> aucClOptions) {
    this.label = label;
    this.summary = summary;
    this.options = options;
    this.aucClOptions = aucClOptions;
  }

  /**
   * The options this recipe writes before the user's for a run of objective {@code loss} (canonical
   * name): the loss preset only for AUC-CL, so that the recipe's training settings serve its baselines too.
   */
  public List<String> options(String loss) {
    List<String> all = new ArrayList<>(options);
    if (AucClObjective.NAME.equals(loss)) {
      all.addAll(aucClOptions);
    }
    return all;
  }

  /** Refuses a method the recipe was not written for (every recipe but default is two-view). */
  void checkMethod(String method) {
    if (this != DEFAULT && !TwoViewMethod.NAME.equals(method)) {
      throw new UserException("--recipe " + label + " is a recipe for --method " + TwoViewMethod.NAME + ", not " + method + ".");
    }
  }

  public static Recipe parse(String text) {
    for (Recipe r : values()) {
      if (r.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new UserException("unknown --recipe '" + text + "': expected one of " + String.join(", ", names()) + ".");
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Recipe::toString).toList();
  }

  /** The lines that {@code pretrain --help} shows below the options. */
  static String[] helpLines() {
    List<String> lines = new ArrayList<>(List.of("", "Recipes (--recipe NAME; options given explicitly win):"));
    for (Recipe r : values()) {
      lines.add("  " + r.label + ": " + r.summary + (r.options.isEmpty() ? "." : ";"));
      if (!r.options.isEmpty()) {
        List<String> all = new ArrayList<>(r.options);
        all.addAll(r.aucClOptions);
        lines.add("    sets " + String.join(" ", all) + " (" + String.join(" ", r.aucClOptions) + " with --loss auc-cl only).");
      }
    }
    return lines.toArray(new String[0]);
  }

  @Override
  public String toString() {
    return label;
  }
}
