package org.aucl.train;

import java.util.List;
import java.util.stream.Collectors;
import org.aucl.data.SkippedImage;

/** A line's worth of the files left out of a folder. */
final class SkippedFiles {
  private static final int SHOWN = 3;

  private SkippedFiles() {}

  /** "a.jpg (the file is empty), b.jpg (...)" and how many more. */
  static String sample(List<SkippedImage> skipped) {
    String shown = skipped.stream().limit(SHOWN).map(s -> s.id() + " (" + s.problem() + ")").collect(Collectors.joining(", "));
    return skipped.size() > SHOWN ? shown + " and " + (skipped.size() - SHOWN) + " more" : shown;
  }
}
