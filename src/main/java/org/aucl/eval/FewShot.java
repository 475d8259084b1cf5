package org.aucl.eval;

import java.util.List;

/**
 * Few-shot classification of episodes ({@link FewShotEpisodes}) on L2-normalised features, by two
 * classifiers fitted on each episode's support set alone:
 *
 * <ul>
 *   <li>nearest class mean: the query goes to the class whose support mean has the highest cosine
 *       similarity with it;
 *   <li>logistic regression: multinomial {@link SoftmaxRegression} on the raw (unit-length) support features, C =
 *       {@link #LR_C}.
 * </ul>
 *
 * Accuracy is averaged over episodes, with a 95% interval ({@link MeanInterval}).
 */
public final class FewShot {
  /** Logistic regression's strength on the support set; 1 is scikit-learn's default, common in few-shot papers. */
  public static final double LR_C = 1.0;

  /** Accuracy of both classifiers over the same episodes. */
  public record Result(int ways, int shots, int queries, int episodes, MeanInterval nearestMean, MeanInterval logistic) {}

  private FewShot() {}

  public static Result evaluate(Features f, int ways, int shots, int queries, int episodes, long seed) {
    if (episodes < 1) {
      throw new org.aucl.util.UserException("--episodes must be at least 1, got " + episodes + ".");
    }
    FewShotEpisodes draw = new FewShotEpisodes(f.labels(), ways, shots, queries, seed);
    double[] ncm = new double[episodes];
    double[] lr = new double[episodes];
    for (int e = 0; e < episodes; e++) {
      FewShotEpisodes.Episode ep = draw.episode(e);
      Features support = f.select(ep.support());
      Features query = f.select(ep.query());
      ncm[e] = nearestMean(support, ep.supportLabels(), query, ep.queryLabels(), ways);
      lr[e] = logistic(support, ep.supportLabels(), query, ep.queryLabels(), ways);
    }
    return new Result(ways, shots, queries, episodes, MeanInterval.of(ncm), MeanInterval.of(lr));
  }

  static double nearestMean(Features support, int[] sLabels, Features query, int[] qLabels, int ways) {
    int d = support.dim();
    double[][] means = new double[ways][d];
    for (int i = 0; i < support.n(); i++) {
      for (int j = 0; j < d; j++) {
        means[sLabels[i]][j] += support.data()[i * d + j];
      }
    }
    for (double[] m : means) {
      double norm = 0;
      for (double v : m) {
        norm += v * v;
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      for (int j = 0; j < d; j++) {
        m[j] /= norm;
      }
    }
    int hits = 0;
    for (int i = 0; i < query.n(); i++) {
      int best = 0;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (int w = 0; w < ways; w++) {
        double sim = 0;
        for (int j = 0; j < d; j++) {
          sim += means[w][j] * query.data()[i * d + j];
        }
        if (sim > bestSim) {
          bestSim = sim;
          best = w;
        }
      }
      hits += best == qLabels[i] ? 1 : 0;
    }
    return (double) hits / query.n();
  }

  static double logistic(Features support, int[] sLabels, Features query, int[] qLabels, int ways) {
    Features labelled = new Features(support.data(), support.n(), support.dim(), sLabels);
    SoftmaxRegression model = SoftmaxRegression.fit(labelled, ways, LR_C, null);
    int hits = 0;
    for (int i = 0; i < query.n(); i++) {
      hits += model.rank(query, i)[0] == qLabels[i] ? 1 : 0;
    }
    return (double) hits / query.n();
  }

  /** The two lines this evaluation prints for one shot count. */
  public static List<String> lines(Result r) {
    String head = r.ways() + "-way " + r.shots() + "-shot, " + r.queries() + " queries/class, " + r.episodes()
        + " episodes: ";
    return List.of(
        head + "nearest class mean " + r.nearestMean().percent() + "%",
        head + "logistic regression " + r.logistic().percent() + "%");
  }
}
