package org.aucl.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of one checkpoint as recorded in {@code RUN/evals/}: what was evaluated and how, the
 * figures, the command that reproduces them and how long it took. Its identity is (checkpoint content,
 * evaluation, settings, dataset): a changed checkpoint has another hash, so its old records no longer
 * match anything.
 *
 * @param evaluation knn, linear or fewshot
 * @param title a short name for tables ("linear probe")
 * @param settings the evaluation's settings as text ("k=200, similarity votes, bank 0")
 * @param dataset the evaluation dataset as named on the command line (the run's own by default)
 * @param checkpointHash the checkpoint folder's content hash ({@code RunCheckpoint.contentHash})
 * @param checkpoint last or best, as asked when it was recorded
 * @param epoch the checkpoint's epoch
 * @param metrics the figures by name, accuracies as fractions ({@code top1}, {@code top5}, ...)
 * @param figure the result in words, as the report shows it
 * @param command the command line that reproduces it
 * @param seconds wall time, feature extraction included
 * @param features "from the cache" or how many splits were extracted
 * @param recorded when (ISO-8601, UTC)
 */
public record EvalRecord(
    String evaluation,
    String title,
    String settings,
    String dataset,
    String checkpointHash,
    String checkpoint,
    int epoch,
    Map<String, Double> metrics,
    String figure,
    String command,
    double seconds,
    String features,
    String recorded) {

  /** The record's file name under {@code RUN/evals/}: the evaluation, then a digest of its identity. */
  public String fileName() {
    return fileName(checkpointHash, evaluation, settings, dataset);
  }

  static String fileName(String checkpointHash, String evaluation, String settings, String dataset) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
    for (String part : List.of(checkpointHash, evaluation, settings, dataset)) {
      md.update(part.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return evaluation + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 24) + ".json";
  }
}
