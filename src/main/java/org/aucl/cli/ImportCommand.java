package org.aucl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aucl.api.Pretraining;
import org.aucl.run.Provenance;
import org.aucl.run.RunDirectory;
import org.aucl.spec.DataSpec;
import org.aucl.spec.RunSpec;
import org.aucl.util.UserException;
import org.aucl.weights.ImportSettings;
import org.aucl.weights.RunImport;
import org.aucl.weights.SafetensorsFile;
import org.aucl.weights.SafetensorsReader;
import org.aucl.weights.WeightImport;
import org.aucl.weights.WeightsMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aucl import FILE.safetensors --out RUN_DIR}: a run directory from weights made elsewhere (or exported by aucl). */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Makes a run directory from a safetensors file with torchvision's names (ResNets) or timm's (ViTs), or one "
          + "written by 'aucl export': every evaluation, embed, report and export then read it like a trained run, and "
          + "'pretrain --init FILE' trains from the same file. Each setting not given comes from the file's aucl "
          + "metadata, else from its tensors' shapes where they tell; a tensor that does not fit the network is refused.",
      "The run's config.json records the file (path and SHA-256) and that aucl did not train its weights."
    })
public final class ImportCommand implements Callable<Integer>, Checked {
  @Mixin VerboseOption verbose;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .safetensors file.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory to make.")
  Path out;

  @Option(names = "--model", paramLabel = "NAME",
      description = "resnet18, resnet34, resnet50, vit-tiny or vit-small (default: the file's metadata; required without it).")
  String model;

  @Option(names = "--stem", paramLabel = "NAME",
      description = "cifar, small or imagenet (default: the metadata's; imagenet for a 7x7 conv1).")
  String stem;

  @Option(names = "--width", paramLabel = "W", description = "Width multiplier (default: the metadata's, else conv1's channels / 64).")
  Double width;

  @Option(names = "--channels", paramLabel = "C", description = "Image channels (default: the metadata's, else the first layer's).")
  Integer channels;

  @Option(names = "--image-size", paramLabel = "PX",
      description = "Side of the images the network takes (default: the metadata's, else a ViT's grid times its patch, "
          + "else 224 for the ImageNet stem and 32 for the others).")
  Integer imageSize;

  @Option(names = "--patch-size", paramLabel = "P", description = "A ViT's patch side (default: the metadata's, else the patch embedding's).")
  Integer patchSize;

  @Option(names = "--mean", split = ",", paramLabel = "M",
      description = "Per-channel mean the images are normalised with, pixels in [0, 1] (default: the metadata's, else "
          + "ImageNet's for 3 channels, else the dataset preset's).")
  List<Float> mean;

  @Option(names = "--std", split = ",", paramLabel = "S", description = "Per-channel standard deviation (as --mean).")
  List<Float> std;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "The run's dataset, which evaluations use unless given another (default: " + RunSpec.DEFAULT_DATASET + ").")
  String dataset = RunSpec.DEFAULT_DATASET;

  @Mixin DataDirOption dataDir;

  private SafetensorsFile weights;
  private RunSpec cfg;
  private Provenance provenance;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void check() {
    RunDirectory.requireFree(out);
    float[] m = floats(mean, "--mean");
    float[] s = floats(std, "--std");
    if (s != null) {
      for (float v : s) {
        if (!(v > 0)) {
          throw new UserException("--std must be positive, got " + v + ".");
        }
      }
    }
    weights = SafetensorsReader.read(file);
    cfg = UserInput.check(() -> {
      ImportSettings.Resolved r = ImportSettings.resolve(weights, file.getFileName().toString(),
          new ImportSettings.Given(model, stem, width, channels, imageSize, patchSize, m, s));
      DataSpec.Builder data = DataSpec.builder().setDataset(dataset);
      if (dataDir.given() != null) {
        data.optDataDir(dataDir.given());
      }
      RunSpec.Builder b = RunSpec.builder().setData(data.build())
          .optNet(r.net().toBuilder())
          .optInput(r.net().inChannels(), r.net().imageSize())
          .optImageSize(r.net().imageSize());
      if (r.mean() != null) {
        b.optAugmentEdits(a -> a.optNormalize(r.mean(), r.std()));
      }
      return b.build();
    });
    provenance = Pretraining.provenance(cfg, commandLine());
  }

  private static float[] floats(List<Float> values, String option) {
    if (values == null) {
      return null;
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
      if (!Float.isFinite(out[i])) {
        throw new UserException(option + " takes finite numbers, got " + values.get(i) + ".");
      }
    }
    return out;
  }

  @Override
  public Integer call() {
    if (cfg == null) {
      check();
    }
    WeightImport.Loaded loaded = UserInput.check(() -> RunImport.create(cfg, out, file, weights, provenance));
    System.out.printf("imported %d tensors of %s from %s into %s%s%n", loaded.tensors(),
        WeightsMetadata.describe(cfg.net()), file, out, loaded.projector() ? " (encoder and projector)" : "");
    if (!loaded.ignored().isEmpty()) {
      System.out.println("left out the classifier: " + String.join(", ", loaded.ignored()));
    }
    System.out.println("evaluate it with: aucl report " + out);
    return 0;
  }

  /** This command's name and arguments, for config.json and the report's "Command:" line. */
  private List<String> commandLine() {
    if (spec == null) {
      return List.of();
    }
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    int own = spec.parent() == null ? -1 : all.indexOf(spec.name());
    List<String> line = new java.util.ArrayList<>(List.of(spec.name()));
    line.addAll(all.subList(own + 1, all.size()));
    return line;
  }
}
