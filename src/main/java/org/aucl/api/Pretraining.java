package org.aucl.api;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.aucl.model.ConvChannels;
import org.aucl.model.Devices;
import org.aucl.run.ImageIndex;
import org.aucl.run.Provenance;
import org.aucl.run.RunDirectory;
import org.aucl.run.RunSummary;
import org.aucl.run.WeightsOrigin;
import org.aucl.spec.RunSpec;
import org.aucl.train.Pretrainer;
import org.aucl.util.Json;
import org.aucl.util.Versions;

/**
 * Pretraining from Java: a {@link RunSpec} (built with {@link RunSpec#builder()}) trained into a run
 * directory, which {@link Embedder}, the evaluations and {@code aucl report} then read like any run
 * made by {@code aucl pretrain}.
 *
 * <pre>{@code
 * RunSpec spec = RunSpec.builder()
 *     .setData(DataSpec.builder().setDataset("fashion-mnist").build())
 *     .optSchedule(Schedule.defaults().withEpochs(2))
 *     .build();
 * RunSummary done = Pretraining.run(spec, Path.of("runs/my-run"));
 * }</pre>
 */
public final class Pretraining {
  private Pretraining() {}

  /**
   * Creates the run directory {@code dir} (which must not hold a run yet) with its config.json, after
   * every check that needs the engine; {@code commandLine} is recorded as how the run was made.
   */
  public static RunDirectory create(RunSpec spec, Path dir, List<String> commandLine) {
    ImageIndex images = Pretrainer.check(spec).images();
    return create(spec, dir, provenance(spec, commandLine), images);
  }

  /**
   * Creates the run directory {@code dir} with its config.json for a run already checked: {@code images}
   * is what {@link Pretrainer#check} found.
   */
  public static RunDirectory create(RunSpec spec, Path dir, Provenance provenance, ImageIndex images) {
    return create(spec, dir, provenance, images, null);
  }

  /**
   * As {@link #create(RunSpec, Path, Provenance, ImageIndex)}, for a run whose encoder starts from a
   * file's weights ({@code weights}: what {@code InitWeights.check} found; null for none).
   */
  public static RunDirectory create(
      RunSpec spec, Path dir, Provenance provenance, ImageIndex images, WeightsOrigin weights) {
    RunDirectory run = RunDirectory.create(dir);
    Json.write(run.config(), new Provenance.ConfigFile(spec, provenance, images, weights));
    return run;
  }

  /** How a run of {@code spec} started now is made, checking first that this machine may run its network. */
  public static Provenance provenance(RunSpec spec, List<String> commandLine) {
    Device device = Devices.resolve(spec.device());
    ConvChannels.require(spec.net(), device);
    return Provenance.now(Versions.aucl(), Versions.djl(), commandLine, Pretrainer.networkLayout(spec), device);
  }

  /** Trains {@code spec} into a new run directory {@code dir}, quietly, and returns how it ended. */
  public static RunSummary run(RunSpec spec, Path dir) {
    Pretrainer.CheckedData checked = Pretrainer.check(spec);
    Provenance provenance = provenance(spec, List.of());
    RunDirectory run = create(spec, dir, provenance, checked.images());
    return new Pretrainer(spec, run, false, true, System.out).using(checked).run();
  }
}
