package org.aucl.spec;

import java.util.Locale;

/**
 * How often a checkpoint is written inside an epoch, besides every epoch's end: every N optimiser
 * steps ({@code "500"}), every so many minutes or seconds ({@code "10m"}, {@code "90s"}), or never
 * ({@code "0"}).
 */
public record CheckpointInterval(long steps, double seconds) {
  public static CheckpointInterval parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("m") || t.endsWith("s")) {
        double n = Double.parseDouble(t.substring(0, t.length() - 1));
        double secs = t.endsWith("m") ? 60 * n : n;
        if (secs > 0 && Double.isFinite(secs)) {
          return new CheckpointInterval(0, secs);
        }
      } else {
        long n = Long.parseLong(t);
        if (n >= 0) {
          return new CheckpointInterval(n, 0);
        }
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new IllegalArgumentException(
        "--checkpoint-every takes a number of steps (500), minutes (10m), seconds (90s) or 0 (epoch ends only), got '"
            + text + "'.");
  }

  /** True when a checkpoint is due after {@code stepsSince} steps and {@code secondsSince} seconds. */
  public boolean due(long stepsSince, double secondsSince) {
    return (steps > 0 && stepsSince >= steps) || (seconds > 0 && secondsSince >= seconds);
  }
}
