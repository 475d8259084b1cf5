package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aucl.testkit.CommandRun;
import org.aucl.testkit.TinyRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * A user's value is never reported as a bug: every numeric option of every command, at 0, at -1 and
 * at an absurdly large value, either gives a run that the command's checks accept (nothing is run:
 * {@link Cli#check}) or exit code 2 with one sentence; never exit 1, never a stack trace. The same
 * for options given to a method that does not take them.
 */
class OptionValuesTest {
  private static final String DATA = "synthetic:n=128,test=64,size=16,channels=1,classes=4,seed=5";

  @TempDir static Path tmp;
  private static Path run;

  @BeforeAll
  static void makeARun() {
    run = tmp.resolve("run");
    List<String> args = TinyRun.pretrain(run, "auc-cl", 1);
    CommandRun made = CommandRun.of(args);
    assertEquals(0, made.exit(), made.toString());
    CommandRun exported = CommandRun.of("export", run.toString(), "--out", tmp.resolve("w.safetensors").toString());
    assertEquals(0, exported.exit(), exported.toString());
  }

  /** Arguments that make each command valid, so that only the option under test can be wrong. */
  private static List<String> base(String command) {
    return switch (command) {
      case "pretrain" -> List.of("pretrain", "--dataset", DATA, "--out", tmp.resolve("p").toString());
      case "sweep" -> List.of("sweep", "--out", tmp.resolve("s").toString(), "--batch-sizes", "32", "--", "--dataset", DATA);
      case "eval knn", "eval linear", "eval fewshot", "report" -> List.of(command.split(" ")[0], command.contains(" ")
          ? command.split(" ")[1] : run.toString(), run.toString());
      case "embed" -> List.of("embed", run.toString(), "--out", tmp.resolve("e.csv").toString());
      case "export" -> List.of("export", run.toString(), "--out", tmp.resolve("x.safetensors").toString());
      case "import" -> List.of("import", tmp.resolve("w.safetensors").toString(), "--dataset", DATA, "--out",
          tmp.resolve("i").toString());
      case "data info" -> List.of("data", "info", DATA);
      case "data fetch" -> List.of("data", "fetch", "fashion-mnist", "--data-dir", tmp.resolve("d").toString());
      case "bench loader" -> List.of("bench", "loader", "--dataset", "noise-16");
      case "bench embedder" -> List.of("bench", "embedder", run.toString());
      case "bench train" -> List.of("bench", "train", "--image-size", "16", "--channels", "1");
      case "study gradient-bias" -> List.of("study", "gradient-bias", run.toString());
      default -> List.of(command.split(" "));
    };
  }

  private static List<String> values(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return List.of("0", "-1", "2000000000");
    }
    if (type == long.class || type == Long.class) {
      return List.of("0", "-1", "9000000000000000000");
    }
    return List.of("0", "-1", "1e300");
  }

  private static boolean numeric(OptionSpec o) {
    Class<?> t = o.type();
    if (List.class.isAssignableFrom(t) || t.isArray()) {
      Class<?>[] aux = o.auxiliaryTypes();
      t = aux.length > 0 ? aux[0] : t.getComponentType();
    }
    return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class
        || t == Double.class || t == float.class || t == Float.class;
  }

  private static Class<?> element(OptionSpec o) {
    Class<?> t = o.type();
    if (List.class.isAssignableFrom(t)) {
      return o.auxiliaryTypes()[0];
    }
    return t.isArray() ? t.getComponentType() : t;
  }

  private static void commands(CommandLine cl, String prefix, Map<String, CommandSpec> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      String name = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
      if (e.getValue().getSubcommands().isEmpty()) {
        if (!name.equals("help")) {
          out.put(name, e.getValue().getCommandSpec());
        }
      } else {
        commands(e.getValue(), name, out);
      }
    }
  }

  /** Runs {@link Cli#check} with stderr captured: the exit code and what was written. */
  private static String[] check(List<String> args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return new String[] {Integer.toString(Cli.check(args.toArray(new String[0]))), err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }

  /** Null if {@code args} exit 0, or 2 with one sentence; else what went wrong. */
  private static String problem(List<String> args) {
    String[] r = check(args);
    int exit = Integer.parseInt(r[0]);
    List<String> said = r[1].lines().filter(l -> !l.isBlank() && !l.contains("NNPACK")).toList();
    if (exit == 0) {
      return null;
    }
    if (exit != 2) {
      return "exit " + exit + ": " + String.join(" / ", said);
    }
    List<String> sentences = said.stream().filter(l -> l.startsWith("aucl: ")).toList();
    boolean trace = said.stream().anyMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    if (sentences.size() != 1 || trace) {
      return "not one sentence: " + String.join(" / ", said);
    }
    return null;
  }

  @Test
  void everyNumericOptionOfEveryCommandIsARunOrOneSentence() {
    Map<String, CommandSpec> all = new java.util.TreeMap<>();
    commands(Cli.commandLine(), "", all);
    List<String> failures = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, CommandSpec> c : all.entrySet()) {
      boolean hasNumbers = c.getValue().options().stream().anyMatch(o -> numeric(o) && !o.hidden());
      if (hasNumbers && !(c.getValue().userObject() instanceof Checked)) {
        failures.add(c.getKey() + " takes numbers but checks nothing before its work (it is not a Checked command)");
        continue;
      }
      for (OptionSpec o : c.getValue().options()) {
        if (!numeric(o) || o.hidden()) {
          continue;
        }
        for (String v : values(element(o))) {
          List<String> args = new ArrayList<>(base(c.getKey()));
          int dashes = args.indexOf("--");
          args.addAll(dashes < 0 ? args.size() : dashes, List.of(o.longestName(), v));
          tried++;
          String p = problem(args);
          if (p != null) {
            failures.add(String.join(" ", args) + "\n    " + p);
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + tried + " option values were not a run or one sentence:\n" + String.join("\n", failures));
    }
    assertTrue(tried > 150, "only " + tried + " values tried");
  }

  @Test
  void optionsAMethodDoesNotTakeAreOneSentence() {
    List<List<String>> combos = List.of(
        List.of("--method", "teacher-student", "--loss", "simclr"),
        List.of("--method", "teacher-student", "--bn-passes", "2"),
        List.of("--method", "teacher-student", "--auc-neg-weight", "4"),
        List.of("--method", "teacher-student", "--proj-hidden", "64"),
        List.of("--method", "teacher-student", "--weight-decay", "0.1"),
        List.of("--method", "teacher-student", "--decay-objective-variables"),
        List.of("--method", "teacher-student", "--recipe", "official-cifar"),
        List.of("--method", "two-view", "--local-crops", "2"),
        List.of("--local-size", "8"),
        List.of("--head-out", "64"),
        List.of("--teacher-momentum", "0.9"),
        List.of("--ts-neg-weight", "4"),
        List.of("--loss", "simclr", "--auc-a", "2"),
        List.of("--loss", "auc-cl", "--temperature", "0.2"),
        List.of("--loss", "dcl", "--sogclr-gamma", "0.5"),
        List.of("--auc-preset", "official-cifar", "--auc-margin", "0.5"),
        List.of("--model", "resnet18", "--patch-size", "8"),
        List.of("--method", "teacher-student", "--model", "vit-tiny", "--local-crops", "2"));
    List<String> failures = new ArrayList<>();
    for (List<String> combo : combos) {
      List<String> args = new ArrayList<>(base("pretrain"));
      args.addAll(combo);
      String[] r = check(args);
      String p = problem(args);
      if (p != null || !r[0].equals("2")) {
        failures.add(combo + ": exit " + r[0] + " " + r[1].strip());
      }
    }
    if (!failures.isEmpty()) {
      fail("combinations that were not refused in one sentence:\n" + String.join("\n", failures));
    }
  }
}
