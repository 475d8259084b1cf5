package org.aucl.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV against RFC 4180 and NPY against NumPy's format description (version 1.0), read back by hand. */
class CsvAndNpyWritersTest {
  static final List<String> CLASSES = List.of("T-shirt/top", "naïve, \"quoted\"");

  @TempDir Path tmp;

  private static List<Path> write(EmbeddingFormat format, Path file, EmbeddingColumns columns, List<EmbeddingRow> rows) {
    try (EmbeddingWriter w = format.open(file, columns)) {
      rows.forEach(w::write);
      assertEquals(rows.size(), w.rows());
      return w.commit();
    }
  }

  /** RFC 4180 records: fields split on commas outside quotes, "" inside quotes a quote, line breaks inside quotes kept. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else if (c == '\n') {
        fields.add(f.toString());
        f.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        f.append(c);
      }
    }
    assertEquals(0, f.length() + fields.size(), "the file ends with a line break");
    return records;
  }

  @Test
  void csvQuotesWhatNeedsItAndReadsBackExactly() throws Exception {
    EmbeddingColumns columns = new EmbeddingColumns(5, true, CLASSES);
    List<EmbeddingRow> rows = SampleRows.of(columns, 8, 1);
    Path csv = tmp.resolve("e.csv");
    assertEquals(List.of(csv), write(EmbeddingFormat.CSV, csv, columns, rows));
    List<List<String>> records = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    assertEquals(List.of("id", "split", "label", "class", "v0", "v1", "v2", "v3", "v4"), records.get(0));
    assertEquals(rows.size() + 1, records.size());
    for (int i = 0; i < rows.size(); i++) {
      EmbeddingRow r = rows.get(i);
      List<String> got = records.get(i + 1);
      assertEquals(List.of(r.id(), r.split(), String.valueOf(r.label()), CLASSES.get(r.label())), got.subList(0, 4), "row " + i);
      for (int j = 0; j < 5; j++) {
        assertEquals(Float.floatToIntBits(r.vector()[j]), Float.floatToIntBits(Float.parseFloat(got.get(4 + j))),
            "row " + i + " value " + j);
      }
    }
  }

  @Test
  void unlabeledCsvHasIdsAndVectorsOnly() throws Exception {
    EmbeddingColumns columns = new EmbeddingColumns(2, false, List.of());
    Path csv = tmp.resolve("u.csv");
    write(EmbeddingFormat.CSV, csv, columns, List.of(new EmbeddingRow("2024/a.jpg", null, -1, new float[] {0.5f, -1f})));
    assertEquals("id,v0,v1\n2024/a.jpg,0.5,-1.0\n", Files.readString(csv));
  }

  @Test
  void npyFollowsTheFormatAndTheIdsAndLabelsLieBeside() throws Exception {
    EmbeddingColumns columns = new EmbeddingColumns(7, true, CLASSES);
    List<EmbeddingRow> rows = SampleRows.of(columns, 300, 2);
    Path npy = tmp.resolve("e.npy");
    List<Path> files = write(EmbeddingFormat.NPY, npy, columns, rows);
    assertEquals(List.of(npy, tmp.resolve("e.ids.csv"), tmp.resolve("e.labels.npy")), files);

    Npy vectors = Npy.read(npy);
    assertEquals("<f4", vectors.descr());
    assertEquals("(300, 7)", vectors.shape());
    ByteBuffer data = vectors.data();
    for (EmbeddingRow r : rows) {
      for (float v : r.vector()) {
        assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(data.getFloat()));
      }
    }
    assertFalse(data.hasRemaining());

    Npy labels = Npy.read(tmp.resolve("e.labels.npy"));
    assertEquals("<i8", labels.descr());
    assertEquals("(300,)", labels.shape());
    for (EmbeddingRow r : rows) {
      assertEquals(r.label(), labels.data().getLong());
    }

    List<List<String>> ids = parseCsv(Files.readString(tmp.resolve("e.ids.csv")));
    assertEquals(List.of("id", "split", "label", "class"), ids.get(0));
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).id(), ids.get(i + 1).get(0));
      assertEquals(rows.get(i).split(), ids.get(i + 1).get(1));
    }
  }

  @Test
  void theNpyHeaderHoldsCountsPastTwoToTheThirtyOne() {
    try (NpyStream s = new NpyStream(tmp.resolve("big.npy"), "<f4", new long[] {2048}, 2048 * 4)) {
      byte[] h = s.header(3_000_000_000L);
      assertEquals(128, h.length);
      String dict = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
      assertTrue(dict.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3000000000, 2048), }"), dict);
      assertTrue(dict.endsWith("\n"));
      assertEquals(118, (h[8] & 0xFF) | (h[9] & 0xFF) << 8);
    }
  }

  @Test
  void anUnfinishedFileLeavesNothingAndTheTargetUntouched() throws Exception {
    Path npy = tmp.resolve("keep.npy");
    Files.writeString(npy, "an earlier file");
    EmbeddingColumns columns = new EmbeddingColumns(3, false, List.of());
    for (EmbeddingFormat format : List.of(EmbeddingFormat.NPY, EmbeddingFormat.CSV)) {
      Path target = format == EmbeddingFormat.NPY ? npy : tmp.resolve("keep.csv");
      try (EmbeddingWriter w = format.open(target, columns)) {
        w.write(new EmbeddingRow("a", null, -1, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> w.write(new EmbeddingRow("b", null, -1, new float[2])));
      }
    }
    assertEquals("an earlier file", Files.readString(npy));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(npy), left.toList(), "no temporary file, no ids file, no CSV");
    }
  }

  @Test
  void anUnknownExtensionIsOneSentence() {
    UserException e = assertThrows(UserException.class, () -> EmbeddingFormat.of(Path.of("out.txt")));
    assertTrue(e.getMessage().contains("end it in .csv, .npy or .parquet"), e.getMessage());
    assertEquals(EmbeddingFormat.PARQUET, EmbeddingFormat.of(Path.of("X.PARQUET")));
  }

  /** An NPY file split per the format: descr, shape, and the data after the header. */
  record Npy(String descr, String shape, ByteBuffer data) {
    static Npy read(Path file) throws Exception {
      byte[] b = Files.readAllBytes(file);
      assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(b, 8));
      int len = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
      assertEquals(0, (10 + len) % 64, "the data starts at a multiple of 64 bytes");
      String dict = new String(b, 10, len, StandardCharsets.US_ASCII);
      assertTrue(dict.endsWith("\n") && dict.contains("'fortran_order': False"), dict);
      String descr = dict.replaceAll("(?s).*'descr': '([^']*)'.*", "$1");
      String shape = dict.replaceAll("(?s).*'shape': (\\([^)]*\\)).*", "$1");
      return new Npy(descr, shape, ByteBuffer.wrap(b, 10 + len, b.length - 10 - len).slice().order(ByteOrder.LITTLE_ENDIAN));
    }
  }
}
