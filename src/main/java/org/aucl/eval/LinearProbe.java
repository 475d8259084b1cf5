package org.aucl.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear probe: multinomial logistic regression ({@link SoftmaxRegression}) on frozen, standardised features.
 *
 * <p>Features are standardised with the mean and standard deviation of the whole training split. The
 * strength C is chosen from {@link #GRID} by top-1 on a class-balanced held-out {@link #HOLDOUT} of
 * the training split (seeded), fitted on the rest; the chosen C is then refitted on the whole training
 * split and scored on the test split (top-1, and top-5 with more than five classes).
 */
public final class LinearProbe {
  /** Candidate strengths C (larger C, weaker regularisation). */
  public static final List<Double> GRID = List.of(0.001, 0.01, 0.1, 1.0, 10.0);

  /** Fraction of the training split held out to choose C. */
  public static final double HOLDOUT = 0.1;

  private final List<Double> grid;
  private final long seed;

  public LinearProbe(List<Double> grid, long seed) {
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("the linear probe needs at least one C to try");
    }
    this.grid = List.copyOf(grid);
    this.seed = seed;
  }

  public LinearProbe(long seed) {
    this(GRID, seed);
  }

  /**
   * @param heldOutTop1 top-1 on the held-out part for each C tried, in grid order
   * @param top5 NaN with five classes or fewer
   */
  public record Result(double c, Map<Double, Double> heldOutTop1, double top1, double top5, int trainSize, int testSize) {}

  public Result evaluate(Features train, Features test) {
    if (train.dim() != test.dim()) {
      throw new IllegalArgumentException("training features have " + train.dim() + " dimensions, test " + test.dim());
    }
    Standardizer std = Standardizer.fit(train);
    Features x = std.apply(train);
    StratifiedSplit split = split(train.labels());
    Features fit = x.select(split.kept());
    Features heldOut = x.select(split.heldOut());
    int classes = Math.max(train.numClasses(), test.numClasses());
    Map<Double, Double> scores = new LinkedHashMap<>();
    double bestC = grid.get(0);
    double best = -1;
    SoftmaxRegression previous = null;
    SoftmaxRegression chosen = null;
    for (double c : grid) {
      // warm start from the previous C: the grid ascends, and the solutions move little between neighbours
      SoftmaxRegression lr = SoftmaxRegression.fit(fit, classes, c, previous);
      previous = lr;
      double acc = topK(lr, heldOut, 1);
      scores.put(c, acc);
      if (acc > best) {
        best = acc;
        bestC = c;
        chosen = lr;
      }
    }
    // the refit on the whole split starts from the chosen fit on 90% of it (same optimum, fewer steps)
    SoftmaxRegression lr = SoftmaxRegression.fit(x, classes, bestC, chosen);
    Features testX = std.apply(test);
    double top5 = classes > 5 ? topK(lr, testX, 5) : Double.NaN;
    return new Result(bestC, scores, topK(lr, testX, 1), top5, train.n(), test.n());
  }

  /** The held-out split of training rows that chooses C (to reproduce it outside aucl). */
  public StratifiedSplit split(int[] trainLabels) {
    return StratifiedSplit.of(trainLabels, HOLDOUT, seed);
  }

  /** Fraction of rows whose label is among the model's {@code k} best classes. */
  static double topK(SoftmaxRegression lr, Features x, int k) {
    if (x.n() == 0) {
      return Double.NaN;
    }
    int hits = 0;
    for (int i = 0; i < x.n(); i++) {
      int[] ranked = lr.rank(x, i);
      for (int j = 0; j < Math.min(k, ranked.length); j++) {
        if (ranked[j] == x.labels()[i]) {
          hits++;
          break;
        }
      }
    }
    return (double) hits / x.n();
  }

}
