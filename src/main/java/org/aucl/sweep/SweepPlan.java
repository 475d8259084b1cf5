package org.aucl.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.aucl.data.ImageDataset;
import org.aucl.loss.Objectives;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;

/**
 * Every run of a sweep with its full configuration, checked before any run starts: a grid that cannot
 * run (an unknown objective, a batch larger than the data, a learning rate or schedule the rules make
 * impossible) is refused in one sentence.
 *
 * <p>Runs are ordered seed by seed (all objectives and batch sizes with seed 1, then seed 2, ...), so
 * that a sweep stopped early already has one result in every cell of its table.
 */
public final class SweepPlan {
  private final SweepSettings settings;
  private final Path root;
  private final int trainImages;
  private final List<PlannedRun> runs;

  private SweepPlan(SweepSettings settings, Path root, int trainImages, List<PlannedRun> runs) {
    this.settings = settings;
    this.root = root;
    this.trainImages = trainImages;
    this.runs = runs;
  }

  /**
   * @param base the pass-through configuration of one objective (canonical name): the options every run
   *     shares, before the grid sets its batch size, seed, epochs and learning rate
   */
  public static SweepPlan build(SweepSettings s, Path root, Function<String, RunSpec> base) {
    List<String> objectives = canonical(s.objectives());
    checkBatchSizes(s.batchSizes());
    if (s.seeds() < 1) {
      throw new UserException("--seeds must be at least 1, got " + s.seeds() + ".");
    }
    if (s.referenceBatch() < 1) {
      throw new UserException("--reference-batch must be at least 1, got " + s.referenceBatch() + ".");
    }
    Map<String, RunSpec> bases = new LinkedHashMap<>();
    for (String o : objectives) {
      bases.put(o, base.apply(o));
    }
    int images = trainImages(bases.values().iterator().next());
    int largest = s.batchSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (largest > images) {
      throw new UserException("--batch-sizes: batch " + largest + " is larger than the training set (" + images
          + " images); use batch sizes of at most " + images + ".");
    }
    if (s.budget() == Budget.STEPS && s.referenceBatch() > images) {
      throw new UserException("--reference-batch " + s.referenceBatch() + " is larger than the training set (" + images
          + " images), so the step budget would be zero.");
    }
    List<PlannedRun> runs = new ArrayList<>();
    try {
      for (long seed = 1; seed <= s.seeds(); seed++) {
        for (String o : objectives) {
          for (int batch : s.batchSizes()) {
            runs.add(plan(s, root, images, new GridPoint(o, batch, seed), bases.get(o)));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    return new SweepPlan(s, root, images, runs);
  }

  private static PlannedRun plan(SweepSettings s, Path root, int images, GridPoint p, RunSpec base) {
    int epochs = s.budget().epochs(base.schedule().epochs(), images, p.batchSize(), s.referenceBatch());
    double lr = s.lrRule().scale(base.optimizer().lr(), p.batchSize(), s.referenceBatch());
    RunSpec c = base.toBuilder()
        .optSchedule(base.schedule().withBatchSize(p.batchSize()).withEpochs(epochs))
        .optOptimizer(base.optimizer().withLr(lr))
        .optSeed(p.seed())
        .build();
    return new PlannedRun(p, c, root.resolve(p.dirName()), epochs * Budget.stepsPerEpoch(images, p.batchSize()));
  }

  private static List<String> canonical(List<String> given) {
    if (given.isEmpty()) {
      throw new UserException("--objectives needs at least one objective.");
    }
    List<String> out = new ArrayList<>();
    for (String o : given) {
      String c;
      try {
        c = Objectives.canonical(o);
      } catch (IllegalArgumentException e) {
        throw new UserException("unknown objective '" + o + "' in --objectives: expected some of "
            + String.join(", ", Objectives.names()) + ".");
      }
      if (out.contains(c)) {
        throw new UserException("--objectives lists " + c + " twice.");
      }
      out.add(c);
    }
    return out;
  }

  private static void checkBatchSizes(List<Integer> sizes) {
    if (sizes.isEmpty()) {
      throw new UserException("--batch-sizes needs at least one batch size.");
    }
    Set<Integer> seen = new HashSet<>();
    for (int b : sizes) {
      if (b < 2) {
        throw new UserException("--batch-sizes: every batch size must be at least 2 (contrastive losses need negatives), got " + b + ".");
      }
      if (!seen.add(b)) {
        throw new UserException("--batch-sizes lists " + b + " twice.");
      }
    }
  }

  /** The images a run trains on: the training split, or its class-balanced subset. */
  private static int trainImages(RunSpec c) {
    ImageDataset split = c.openSplit("train");
    return c.data().subset() > 0 ? Math.min(c.data().subset(), split.size()) : split.size();
  }

  public SweepSettings settings() {
    return settings;
  }

  public Path root() {
    return root;
  }

  public int trainImages() {
    return trainImages;
  }

  public List<PlannedRun> runs() {
    return runs;
  }
}
