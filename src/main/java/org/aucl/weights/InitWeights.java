package org.aucl.weights;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aucl.model.ContrastiveNet;
import org.aucl.run.Checkpoints;
import org.aucl.run.WeightsOrigin;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;

/**
 * {@code pretrain --init FILE}: training starts from a safetensors file's encoder weights (the head,
 * the optimiser and the objective start fresh). The file is checked against the run's network before
 * the run directory is made, recorded in config.json ({@link WeightsOrigin}), and loaded when the run
 * starts; a run that starts over later refuses the file if it changed.
 */
public final class InitWeights {
  private InitWeights() {}

  /** Checks that {@code file}'s encoder fits {@code spec}'s network, and says where the run's weights start from. */
  public static WeightsOrigin check(RunSpec spec, Path file) {
    SafetensorsFile f = SafetensorsReader.read(file);
    try (ContrastiveNet net = spec.method().evalNet(spec.net(), Device.cpu(), spec.seed())) {
      load(f, net, file);
    }
    return RunImport.origin(WeightsOrigin.INIT, file, f, WeightNames.of(spec.net()).convention());
  }

  /** Loads the encoder weights {@code origin} names into {@code nets}, if the file is still the one recorded. */
  public static void apply(WeightsOrigin origin, List<ContrastiveNet> nets) {
    Path file = Path.of(origin.file());
    if (!Files.isRegularFile(file)) {
      throw new UserException("the run starts from " + file + " (--init), which no longer exists.");
    }
    try {
      if (!Checkpoints.sha256(file).equals(origin.sha256())) {
        throw new UserException("the run starts from " + file + " (--init), which has changed since the run was made "
            + "(its SHA-256 differs).");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    SafetensorsFile f = SafetensorsReader.read(file);
    for (ContrastiveNet net : nets) {
      load(f, net, file);
    }
  }

  private static void load(SafetensorsFile f, ContrastiveNet net, Path file) {
    try {
      WeightImport.load(f, net, file.getFileName().toString(), true);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
