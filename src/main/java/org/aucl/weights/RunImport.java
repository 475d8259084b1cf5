package org.aucl.weights;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.Checkpoints;
import org.aucl.run.Provenance;
import org.aucl.run.RunDirectory;
import org.aucl.run.WeightsOrigin;
import org.aucl.spec.RunSpec;
import org.aucl.util.Json;

/**
 * A run directory made from a safetensors file ({@code aucl import}): config.json (the run's
 * specification, with where the weights came from and that aucl did not train them), and
 * {@code checkpoints/last} and {@code best} holding the file's encoder, and its projector when it has
 * one (else a projector initialised from the seed). Every evaluation, {@code embed}, {@code report},
 * {@code export} and the {@code Embedder} read it as they read a trained run.
 */
public final class RunImport {
  private RunImport() {}

  /** Where the weights of {@code file}, read from {@code path}, came from. */
  public static WeightsOrigin origin(String kind, Path path, SafetensorsFile file, String names) {
    try {
      return new WeightsOrigin(kind, path.toAbsolutePath().normalize().toString(), Checkpoints.sha256(path), names,
          file.metadata().get("producer"), !kind.equals(WeightsOrigin.IMPORTED));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code file} fits {@code spec}'s network (an {@link IllegalArgumentException} naming
   * the first tensor that does not), then writes the run directory {@code out}.
   */
  public static WeightImport.Loaded create(
      RunSpec spec, Path out, Path path, SafetensorsFile file, Provenance provenance) {
    try (ContrastiveNet net = spec.method().evalNet(spec.net(), Device.cpu(), spec.seed())) {
      WeightImport.Loaded loaded = WeightImport.load(file, net, path.getFileName().toString(), false);
      WeightsOrigin origin = origin(WeightsOrigin.IMPORTED, path, file, WeightNames.of(spec.net()).convention());
      RunDirectory run = RunDirectory.create(out);
      Json.write(run.config(), new Provenance.ConfigFile(spec, provenance, null, origin));
      Checkpoints.State state = new Checkpoints.State(0, 0, null, null, 0, 0, null, spec.fingerprint());
      Checkpoints.save(run.lastCheckpoint(), state, Map.of("model", net::save));
      run.promoteLastToBest();
      return loaded;
    }
  }
}
