package org.aucl.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.aucl.loss.AucClObjective;
import org.aucl.loss.AucClPreset;
import org.aucl.loss.ObjectiveConfig;
import org.aucl.optim.OptimizerConfig;

/**
 * A named bundle of settings (docs/LOSSES.md, "Recipes"): a function on a {@link RunSpec.Builder}.
 * The command line applies the recipe first and the options given after it, so that any option the
 * user gives wins; the run's config.json records the recipe's name and every resolved value.
 */
public enum Recipe {
  /** The default job: it sets nothing. */
  DEFAULT(RunSpec.DEFAULT_RECIPE, "the default job (docs/PRETRAINING.md)", b -> {}),
  /**
   * The authors' whole CIFAR recipe (docs/LOSSES.md, "Recipes"): their loss (for AUC-CL), b decayed
   * with the network by AdamW at a constant 1e-3, one BatchNorm pass per view, the CIFAR stem,
   * augmentations and projector, and a kNN monitor with (1 + cos) / 2 votes. The encoder's size is
   * left to the run (theirs is a ResNet-50).
   */
  OFFICIAL_CIFAR(
      "official-cifar",
      "the authors' CIFAR recipe: official-cifar loss (with auc-cl), b decayed, AdamW lr 1e-3 wd 1e-4 constant, "
          + "2 BatchNorm passes, CIFAR stem, augmentations and projector 512-128, kNN k = 200 with (1 + cos) / 2 votes",
      b -> {
        b.optOptimizer(OptimizerConfig.defaults("adamw").withLr(1e-3).withWeightDecay(1e-4).withDecayObjectiveVariables(true));
        // a constant rate: no warm-up, and a cosine whose floor is the rate itself
        b.optSchedule(b.schedule().withWarmupEpochs(0).withFloorLrRatio(1));
        b.net().optStem("cifar").optProjector(512, 128);
        b.setData(b.data().toBuilder().optPreset("cifar").build());
        b.recipeMonitor(b.monitor().withK(200).withWeights("shifted-cosine"));
        ObjectiveConfig o = b.method() instanceof TwoViewSpec t ? t.objective() : ObjectiveConfig.of(AucClObjective.NAME);
        if (o.loss().equals(AucClObjective.NAME)) {
          o = o.withAuc(AucClPreset.OFFICIAL_CIFAR.settings());
        }
        b.optMethod(new TwoViewSpec(o, true));
      }),
  /**
   * Photos STL-10 style (docs/DATASETS.md, "A photo recipe"): each image downscaled once at decode to
   * short side 96, as STL-10's 96 x 96 images were cut from ImageNet's, views of 96 x 96 with the
   * imagenet preset's augmentations, evaluation of the centre 96 x 96. The network is left to the run.
   */
  PHOTOS_96(
      "photos-96",
      "photos STL-10 style: short side 96 at decode, 96 x 96 views with the imagenet preset, the centre 96 x 96 evaluated",
      b -> {
        b.optImageSize(96);
        b.setData(b.data().toBuilder().optPreset("imagenet").optShortSide(96).build());
      });

  private final String label;
  private final String summary;
  private final Consumer<RunSpec.Builder> settings;

  Recipe(String label, String summary, Consumer<RunSpec.Builder> settings) {
    this.label = label;
    this.summary = summary;
    this.settings = settings;
  }

  /** Sets this recipe's values on {@code b} (whose data must be set) and records its name. */
  public RunSpec.Builder applyTo(RunSpec.Builder b) {
    settings.accept(b);
    return b.recipe(label);
  }

  public static Recipe parse(String text) {
    for (Recipe r : values()) {
      if (r.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown --recipe '" + text + "': expected one of " + String.join(", ", names()) + ".");
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Recipe::toString).toList();
  }

  /** The lines {@code pretrain --help} shows below the options. */
  public static String[] helpLines() {
    List<String> lines = new ArrayList<>(List.of("", "Recipes (--recipe NAME; options given explicitly win):"));
    for (Recipe r : values()) {
      lines.add("  " + r.label + ": " + r.summary + ".");
    }
    return lines.toArray(new String[0]);
  }

  @Override
  public String toString() {
    return label;
  }
}
