package org.aucl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./aucl ...} command line written in README.md, docs/ and bench/README.md parses through
 * {@code Main} as a user would type it, so a documented command whose options changed fails the build.
 * Placeholders in capitals (RUN_DIR, FILE, N) stand for a value and ARGS for any further options;
 * shell variables defined in the same code block ({@code common="..."}) are expanded; lines in a
 * synopsis notation ({@code [options]}, {@code a|b}, {@code ...}) are not commands and are left out;
 * a command named without options in prose ({@code ./aucl bench loader}) must exist ({@code --help} parses).
 */
class DocumentedCommandsTest {
  private static final Pattern INLINE = Pattern.compile("`(\\./aucl [^`]*)`");
  private static final Pattern DEFINITION = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=\"([^\"]*)\"\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  @Test
  void everyDocumentedCommandParses() throws IOException {
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (Path doc : documents()) {
      for (String command : commands(Files.readAllLines(doc))) {
        List<String> args = arguments(command);
        if (args == null) {
          continue;
        }
        parsed++;
        try {
          Cli.commandLine().parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
          failures.add(doc + ": " + command + "\n    " + e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      fail("documented commands that no longer parse:\n" + String.join("\n", failures));
    }
    assertTrue(parsed >= 40, "only " + parsed + " documented commands found");
  }

  private static List<Path> documents() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("bench/README.md")));
    try (Stream<Path> s = Files.list(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The command lines of one Markdown file: whole lines in code blocks (with continuations) and inline code. */
  static List<String> commands(List<String> lines) {
    List<String> out = new ArrayList<>();
    Map<String, String> vars = new HashMap<>();
    boolean inBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.trim().startsWith("```")) {
        inBlock = !inBlock;
        vars.clear();
        continue;
      }
      if (inBlock) {
        Matcher def = DEFINITION.matcher(line);
        if (def.matches()) {
          vars.put(def.group(1), expand(def.group(2), vars));
          continue;
        }
        int at = line.indexOf("./aucl ");
        if (at < 0 || !line.substring(0, at).trim().matches("(\\$ )?([A-Z_]+=\\S+\\s*)*")) {
          continue;
        }
        StringBuilder cmd = new StringBuilder(line.substring(at));
        while (cmd.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
          String s = cmd.toString().stripTrailing();
          cmd.setLength(0);
          cmd.append(s, 0, s.length() - 1).append(' ').append(lines.get(++i).trim());
        }
        out.add(expand(withoutComment(cmd.toString()), vars));
      } else {
        Matcher m = INLINE.matcher(line);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  private static String withoutComment(String cmd) {
    int hash = cmd.indexOf(" #");
    return hash < 0 ? cmd : cmd.substring(0, hash);
  }

  private static String expand(String text, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The arguments after {@code ./aucl}, placeholders filled; null for a synopsis line. */
  static List<String> arguments(String command) {
    String rest = command.substring("./aucl".length()).trim();
    if (rest.matches(".*(\\[|\\||\\.\\.\\.|\\$|<|>).*") || rest.isEmpty()) {
      return null;
    }
    List<String> args = new ArrayList<>();
    for (String token : rest.split("\\s+")) {
      String t = token.replaceAll("^['\"]|['\"]$", "").replaceAll("[.,;:]$", "");
      if (!t.equals("ARGS")) {
        args.add(t.matches("[A-Z][A-Z0-9_]*") ? "1" : t);
      }
    }
    if (args.get(0).equals("1")) {
      return null;
    }
    if (args.stream().allMatch(a -> a.matches("[a-z]+"))) {
      args.add("--help"); // the command's name in prose: it must exist
    }
    return args;
  }
}
