package org.aucl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aucl.run.RunCheckpoint;
import org.aucl.spec.TwoViewSpec;
import org.aucl.util.UserException;
import org.aucl.weights.RunExport;
import org.aucl.weights.SafetensorsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aucl export RUN_DIR --out FILE.safetensors}: a run's weights for PyTorch, torchvision and timm. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a run's encoder (and, with --part all, its projector) as a safetensors file under torchvision's names "
          + "(ResNets) or timm's (ViTs), BatchNorm's running statistics included, with the architecture, stem, width, "
          + "input channels and size and the images' normalisation in its metadata (docs/MODELS.md)."
    })
public final class ExportCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory made by 'aucl pretrain' or 'aucl import'.")
  Path runDir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write, FILE.safetensors.")
  Path out;

  @Mixin CheckpointOption checkpoint;

  @Option(names = "--part", paramLabel = "PART",
      description = "encoder, or all (the encoder and the projector). Default: ${DEFAULT-VALUE}.")
  String part = "encoder";

  private RunCheckpoint ckpt;

  @Override
  public void check() {
    if (!part.equals("encoder") && !part.equals("all")) {
      throw new UserException("--part must be encoder or all, got '" + part + "'.");
    }
    if (!out.getFileName().toString().endsWith(".safetensors")) {
      throw new UserException("--out must name a .safetensors file, got " + out + ".");
    }
    ckpt = checkpoint.open(runDir);
    if (part.equals("all") && !(ckpt.config().method() instanceof TwoViewSpec)) {
      throw new UserException("the run's head is a DINO head, for which torchvision and timm have no names: export "
          + "--part encoder.");
    }
  }

  @Override
  public Integer call() {
    if (ckpt == null) {
      check();
    }
    SafetensorsFile file = RunExport.write(ckpt, part.equals("all"), out);
    System.out.printf("%s, checkpoint %s (epoch %d): wrote %d tensors (%s names) to %s%n", runDir, ckpt.which(),
        ckpt.state().epoch(), file.tensors().size(), file.metadata().get("names"), out);
    return 0;
  }
}
