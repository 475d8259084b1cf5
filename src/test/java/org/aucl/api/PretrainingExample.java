package org.aucl.api;

import java.nio.file.Path;
import org.aucl.spec.DataSpec;
import org.aucl.spec.RunSpec;
import org.aucl.spec.Schedule;

/** The README's pretraining example, compiled and run by {@link PretrainingTest}; the README quotes it verbatim. */
final class PretrainingExample {
  private PretrainingExample() {}

  // README example: start
  /** Pretrains the default job's network on {@code dataset} for one epoch, then embeds {@code image}. */
  static float[] pretrainAndEmbed(String dataset, Path runDir, Path image) {
    RunSpec spec = RunSpec.builder()
        .setData(DataSpec.builder().setDataset(dataset).build())
        .optSchedule(Schedule.defaults().withEpochs(1))
        .build();
    Pretraining.run(spec, runDir);
    try (Embedder embedder = Embedder.open(runDir)) {
      return embedder.embed(image);
    }
  }
  // README example: end
}
