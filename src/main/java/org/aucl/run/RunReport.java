package org.aucl.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aucl.report.MarkdownTable;
import org.aucl.util.AtomicFiles;
import org.aucl.util.Json;

/**
 * {@code RUN/report.md}: a run's configuration, its pretraining curves, every recorded evaluation of one
 * checkpoint with its figure, command and time, and the versions that trained and evaluated it.
 */
public final class RunReport {
  public static final String FILE = "report.md";

  private RunReport() {}

  /**
   * Writes the report of {@code checkpoint} with {@code records} (its evaluations) and returns its path.
   *
   * @param now the versions and machine writing the report
   * @param notes sentences shown above the evaluations (an evaluation that could not run, and why)
   */
  public static Path write(RunCheckpoint checkpoint, List<EvalRecord> records, Provenance now, List<String> notes) {
    Path root = checkpoint.run().root();
    Path file = root.resolve(FILE);
    String text = render(checkpoint, records, now, notes);
    AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return file;
  }

  static String render(RunCheckpoint checkpoint, List<EvalRecord> records, Provenance now, List<String> notes) {
    Path root = checkpoint.run().root();
    JsonNode configFile = readTree(checkpoint.run().config());
    StringBuilder md = new StringBuilder();
    md.append("# Run report: ").append(root.getFileName()).append("\n\n");
    md.append("Run directory `").append(root).append("`, checkpoint `").append(checkpoint.which()).append("` (epoch ")
        .append(checkpoint.state().epoch()).append(", content hash `").append(checkpoint.contentHash(), 0, 12)
        .append("`). Written by `./aucl report` and at the end of `./aucl pretrain`; evaluations already recorded for this "
            + "checkpoint (`evals/`) are reused, and a changed checkpoint has them run again.\n\n");

    md.append("## Evaluations\n\n");
    notes.forEach(n -> md.append(n).append("\n\n"));
    if (records.isEmpty()) {
      md.append("No evaluation is recorded for this checkpoint.\n\n");
    } else {
      MarkdownTable t = new MarkdownTable("evaluation", "dataset", "result", "time", "recorded", "command");
      for (EvalRecord r : records) {
        t.row(r.title() + " (" + r.settings() + ")", r.dataset(), r.figure(),
            String.format("%.1f s, features %s", r.seconds(), r.features()), r.recorded(), "`" + r.command() + "`");
      }
      md.append(t).append('\n');
    }

    md.append("## Pretraining\n\n");
    JsonNode weights = configFile.path("weights");
    if (weights.isObject()) {
      String from = "`" + weights.path("file").asText() + "` (SHA-256 `" + weights.path("sha256").asText() + "`, "
          + weights.path("names").asText() + " names)";
      md.append(WeightsOrigin.IMPORTED.equals(weights.path("kind").asText())
          ? "Not trained by aucl: the weights were imported from " + from + " by `aucl import`.\n\n"
          : "The encoder started from the weights of " + from + " (`--init`).\n\n");
    }
    Path summary = checkpoint.run().summary();
    if (Files.isRegularFile(summary)) {
      RunSummary s = Json.read(summary, RunSummary.class);
      md.append(String.format("Epochs: %d, in %.0f s (%.0f images/s), final loss %.4f", s.epochs(), s.wallSeconds(),
          s.meanImagesPerSecond(), s.finalLoss()));
      if (s.bestKnnTop1() != null) {
        md.append(String.format("; kNN monitor: last %.2f%%, best %.2f%% (epoch %d)", 100 * s.finalKnnTop1(),
            100 * s.bestKnnTop1(), s.bestEpoch()));
      }
      md.append(".\n\n");
      if (s.kernelDetours() != null && !s.kernelDetours().isEmpty()) {
        md.append("Convolutions run off their layout's kernels, shown wrong on the training machine's processor "
            + "(docs/MODELS.md): ").append(String.join("; ", s.kernelDetours())).append(".\n\n");
      }
    }
    for (Path png : pngs(root)) {
      String name = png.getFileName().toString();
      md.append("![").append(name).append("](").append(name).append(")\n\n");
    }

    md.append("## Configuration\n\n");
    JsonNode made = configFile.path("provenance");
    if (made.has("commandLine")) {
      StringBuilder cmd = new StringBuilder("./aucl");
      made.get("commandLine").forEach(a -> cmd.append(' ').append(a.asText()));
      md.append("Command: `").append(cmd).append("`, started ").append(made.path("started").asText()).append(".\n\n");
    }
    MarkdownTable config = new MarkdownTable("setting", "value");
    flatten("", configFile.path("config"), config);
    md.append(config).append('\n');

    md.append("## Versions\n\n");
    MarkdownTable v = new MarkdownTable("", "pretraining", "this report");
    v.row("aucl", made.path("aucl").asText("-"), now.aucl());
    v.row("DJL", made.path("djl").asText("-"), now.djl());
    v.row("engine", made.path("engine").asText("-") + " " + made.path("engineVersion").asText(""),
        now.engine() + " " + now.engineVersion());
    v.row("Java", made.path("java").asText("-"), now.java());
    v.row("machine", made.path("os").asText("-") + ", " + made.path("cores").asText("?") + " cores",
        now.os() + ", " + now.cores() + " cores");
    v.row("processor", made.path("processor").asText("-"), now.processor());
    v.row("activation layout", made.path("memoryFormat").asText("-"), now.memoryFormat());
    v.row("convolution rule", made.path("kernelRule").asText("-"), now.kernelRule());
    md.append(v);
    return md.toString();
  }

  /** One row per leaf of the configuration, named by its path ({@code net.width}). */
  private static void flatten(String prefix, JsonNode node, MarkdownTable out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (!node.isMissingNode()) {
      out.row(prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }

  private static JsonNode readTree(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> pngs(Path root) {
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
    }
  }
}
