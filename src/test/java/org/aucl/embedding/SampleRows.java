package org.aucl.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic rows for writer tests: awkward ids, both splits, every class, awkward floats first. */
final class SampleRows {
  static final float[] AWKWARD = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f / 3, (float) Math.PI, 1e-30f, -2.5e30f
  };

  private SampleRows() {}

  static List<EmbeddingRow> of(EmbeddingColumns columns, int n, long seed) {
    Random random = new Random(seed);
    String[] ids = {"a.png", "dir with space/b,c.png", "quote\"d.jpg", "ünïcødé/画像.png", "", "line\nbreak.png"};
    List<EmbeddingRow> rows = new ArrayList<>(n);
    int k = 0;
    for (int i = 0; i < n; i++) {
      float[] v = new float[columns.dim()];
      for (int j = 0; j < v.length; j++) {
        v[j] = k < AWKWARD.length ? AWKWARD[k++] : (float) random.nextGaussian();
      }
      String id = i < ids.length ? ids[i] : "img/" + i + ".png";
      String split = columns.split() ? (i % 3 == 0 ? "test" : "train") : null;
      int label = columns.labeled() ? i % columns.classNames().size() : -1;
      rows.add(new EmbeddingRow(id, split, label, v));
    }
    return rows;
  }
}
