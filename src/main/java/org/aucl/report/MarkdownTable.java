package org.aucl.report;

import java.util.ArrayList;
import java.util.List;

/** A small Markdown table with aligned columns, for terminal summaries and docs. */
public final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  public MarkdownTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size() + " columns");
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  @Override
  public String toString() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(3, header.get(i).length());
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    List<String> rule = new ArrayList<>();
    for (int x : w) {
      rule.add("-".repeat(x));
    }
    line(sb, rule, w);
    for (List<String> r : rows) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] w) {
    sb.append('|');
    for (int i = 0; i < w.length; i++) {
      sb.append(' ').append(String.format("%-" + w[i] + "s", cells.get(i))).append(" |");
    }
    sb.append('\n');
  }
}
