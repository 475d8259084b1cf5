package org.aucl.run;

import java.util.List;
import org.aucl.data.SkippedImage;

/**
 * What a run's training split held when the run was made, in config.json: a resumed run must see the
 * same images, and a user must see which files were left out.
 *
 * @param images images trained on (before any subset)
 * @param skipped unreadable files left out ({@code --on-bad-image skip})
 */
public record ImageIndex(int images, List<SkippedImage> skipped) {
  public ImageIndex {
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }
}
