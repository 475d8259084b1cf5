package org.aucl.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetEmbeddingWriterTest {
  static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "naïve, \"quoted\"", "日本");

  @TempDir Path tmp;

  private static List<EmbeddingRow> write(Path file, EmbeddingColumns columns, List<EmbeddingRow> rows) {
    try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, columns)) {
      for (EmbeddingRow r : rows) {
        w.write(r);
      }
      assertEquals(rows.size(), w.rows());
      assertEquals(List.of(file), w.commit());
    }
    return rows;
  }

  /** Every field of every row, floats by their bits. */
  static void assertSameRows(EmbeddingColumns columns, List<EmbeddingRow> expected, List<ParquetFiles.Row> actual) {
    assertEquals(expected.size(), actual.size(), "rows");
    for (int i = 0; i < expected.size(); i++) {
      EmbeddingRow e = expected.get(i);
      ParquetFiles.Row a = actual.get(i);
      assertEquals(e.id(), a.id(), "id of row " + i);
      assertEquals(e.split(), a.split(), "split of row " + i);
      assertEquals(columns.labeled() ? e.label() : null, a.label(), "label of row " + i);
      assertEquals(columns.className(e.label()), a.className(), "class of row " + i);
      assertArrayEquals(bits(e.vector()), bits(a.vector()), "embedding of row " + i);
    }
  }

  static int[] bits(float[] v) {
    int[] b = new int[v.length];
    for (int j = 0; j < v.length; j++) {
      b[j] = Float.floatToRawIntBits(v[j]);
    }
    return b;
  }

  @Test
  void labelledRowsWithSplitsComeBackBitForBitUnderTheDocumentedSchema() {
    EmbeddingColumns columns = new EmbeddingColumns(5, true, CLASSES);
    Path file = tmp.resolve("e.parquet");
    List<EmbeddingRow> rows = write(file, columns, SampleRows.of(columns, 11, 1));
    ParquetFiles read = ParquetFiles.read(file);
    assertEquals("""
        message embeddings {
          required binary id (STRING);
          optional binary split (STRING);
          optional int32 label;
          optional binary class (STRING);
          required group embedding (LIST) {
            repeated group list {
              required float element;
            }
          }
        }
        """, read.schema().toString());
    assertEquals(11, read.rowCount());
    assertSameRows(columns, rows, read.rows());
    assertEquals(Map.of("aucl.dim", "5", "aucl.classes", "[\"T-shirt/top\",\"Trouser\",\"naïve, \\\"quoted\\\"\",\"日本\"]",
        "writer.model.name", "aucl"), read.metadata());
    assertEquals(Set.of("SNAPPY"), read.codecs());
    assertTrue(read.createdBy().startsWith("parquet-mr version 1.18."), read.createdBy());
  }

  @Test
  void labelledRowsWithoutSplitsHaveNoSplitColumn() {
    EmbeddingColumns columns = new EmbeddingColumns(3, false, CLASSES);
    Path file = tmp.resolve("e.parquet");
    List<EmbeddingRow> rows = write(file, columns, SampleRows.of(columns, 7, 2));
    ParquetFiles read = ParquetFiles.read(file);
    assertEquals("""
        message embeddings {
          required binary id (STRING);
          optional int32 label;
          optional binary class (STRING);
          required group embedding (LIST) {
            repeated group list {
              required float element;
            }
          }
        }
        """, read.schema().toString());
    assertSameRows(columns, rows, read.rows());
    assertEquals("3", read.metadata().get("aucl.dim"));
  }

  @Test
  void unlabeledRowsHaveIdAndEmbeddingOnly() {
    EmbeddingColumns columns = new EmbeddingColumns(4, false, List.of());
    Path file = tmp.resolve("e.parquet");
    List<EmbeddingRow> rows = write(file, columns, SampleRows.of(columns, 6, 3));
    ParquetFiles read = ParquetFiles.read(file);
    assertEquals("""
        message embeddings {
          required binary id (STRING);
          required group embedding (LIST) {
            repeated group list {
              required float element;
            }
          }
        }
        """, read.schema().toString());
    assertSameRows(columns, rows, read.rows());
    assertEquals(Map.of("aucl.dim", "4", "writer.model.name", "aucl"), read.metadata());
  }

  @Test
  void unlabeledRowsWithSplitsHaveASplitColumn() {
    EmbeddingColumns columns = new EmbeddingColumns(2, true, List.of());
    Path file = tmp.resolve("e.parquet");
    List<EmbeddingRow> rows = write(file, columns, SampleRows.of(columns, 4, 4));
    ParquetFiles read = ParquetFiles.read(file);
    assertEquals(List.of("id", "split", "embedding"),
        read.schema().getFields().stream().map(f -> f.getName()).toList());
    assertSameRows(columns, rows, read.rows());
  }

  @Test
  void aFileOfNoRowsHasTheSchemaAndNoRows() {
    EmbeddingColumns columns = new EmbeddingColumns(8, true, CLASSES);
    Path file = tmp.resolve("empty.parquet");
    write(file, columns, List.of());
    ParquetFiles read = ParquetFiles.read(file);
    assertEquals(ParquetEmbeddingWriter.schema(columns), read.schema());
    assertEquals(0, read.rowCount());
    assertEquals(List.of(), read.rows());
    assertEquals("8", read.metadata().get("aucl.dim"));
  }

  @Test
  void vectorsOfDimensionZeroAreEmptyLists() {
    EmbeddingColumns columns = new EmbeddingColumns(0, false, CLASSES);
    Path file = tmp.resolve("ids.parquet");
    List<EmbeddingRow> rows = write(file, columns, SampleRows.of(columns, 5, 5));
    ParquetFiles read = ParquetFiles.read(file);
    assertSameRows(columns, rows, read.rows());
    assertEquals("0", read.metadata().get("aucl.dim"));
  }

  @Test
  void tenThousandRowsOf512FloatsStreamThroughRowGroupsNotTheHeap() {
    EmbeddingColumns columns = new EmbeddingColumns(512, true, CLASSES);
    Path file = tmp.resolve("big.parquet");
    long rowGroup = 1 << 20;
    long mostBuffered = 0;
    try (ParquetEmbeddingWriter w = new ParquetEmbeddingWriter(file, columns, rowGroup)) {
      Random random = new Random(7);
      float[] v = new float[512];
      for (int i = 0; i < 10_000; i++) {
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) random.nextGaussian();
        }
        w.write(new EmbeddingRow("img/" + i + ".png", i % 2 == 0 ? "train" : "test", i % CLASSES.size(), v));
        mostBuffered = Math.max(mostBuffered, w.bufferedBytes());
      }
      assertEquals(10_000, w.rows());
      w.commit();
    }
    long size = sizeOf(file);
    assertTrue(size > 20_000_000, "10,000 x 512 floats are over 20 MB: " + size);
    // the writer holds about one row group (the size check runs every 100 to 10,000 rows), never the file
    assertTrue(mostBuffered < 2 * rowGroup, "most bytes buffered " + mostBuffered + " of a " + size + "-byte file");
    ParquetFiles read = ParquetFiles.read(file);
    assertTrue(read.rowGroups() >= 10, read.rowGroups() + " row groups");
    assertEquals(10_000, read.rowCount());
    Random random = new Random(7);
    float[] v = new float[512];
    for (int i = 0; i < 10_000; i++) {
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) random.nextGaussian();
      }
      ParquetFiles.Row r = read.rows().get(i);
      assertEquals("img/" + i + ".png", r.id());
      assertEquals(i % CLASSES.size(), r.label());
      if (!Arrays.equals(bits(v), bits(r.vector()))) {
        assertArrayEquals(bits(v), bits(r.vector()), "embedding of row " + i);
      }
    }
  }

  @Test
  void closingWithoutCommitLeavesNoFileAndNoTemporaryFile() throws IOException {
    EmbeddingColumns columns = new EmbeddingColumns(64, true, CLASSES);
    Path dir = Files.createDirectories(tmp.resolve("out"));
    Path file = dir.resolve("e.parquet");
    try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, columns)) {
      for (EmbeddingRow r : SampleRows.of(columns, 3000, 6)) {
        w.write(r);
      }
      assertEquals(1, list(dir).size(), "one temporary file while writing: " + list(dir));
    }
    assertEquals(List.of(), list(dir));
  }

  @Test
  void theTargetIsUntouchedUntilCommit() throws IOException {
    EmbeddingColumns columns = new EmbeddingColumns(16, false, List.of());
    Path dir = Files.createDirectories(tmp.resolve("out"));
    Path file = dir.resolve("e.parquet");
    Files.writeString(file, "the previous file");
    List<EmbeddingRow> rows = SampleRows.of(columns, 2000, 7);
    try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, columns)) {
      for (EmbeddingRow r : rows) {
        w.write(r);
      }
      assertEquals("the previous file", Files.readString(file));
      List<Path> tmpFiles = list(dir).stream().filter(p -> !p.equals(file)).toList();
      assertEquals(1, tmpFiles.size(), list(dir).toString());
      assertTrue(tmpFiles.get(0).getFileName().toString().startsWith(".e.parquet"), tmpFiles.toString());
      w.commit();
    }
    assertEquals(List.of(file), list(dir));
    byte[] bytes = Files.readAllBytes(file);
    assertEquals("PAR1", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    assertEquals("PAR1", new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII));
    assertSameRows(columns, rows, ParquetFiles.read(file).rows());
  }

  @Test
  void closingWithoutCommitLeavesAnEarlierFileAsItWas() throws IOException {
    EmbeddingColumns columns = new EmbeddingColumns(4, false, List.of());
    Path file = tmp.resolve("e.parquet");
    Files.writeString(file, "the previous file");
    try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, columns)) {
      w.write(new EmbeddingRow("a", null, -1, new float[4]));
    }
    assertEquals(List.of(file), list(tmp));
    assertEquals("the previous file", Files.readString(file));
  }

  @Test
  void rowsThatDoNotFitTheColumnsAreRefusedAndNotCounted() {
    EmbeddingColumns columns = new EmbeddingColumns(3, true, CLASSES);
    Path file = tmp.resolve("e.parquet");
    try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, columns)) {
      w.write(new EmbeddingRow("a", "train", 1, new float[3]));
      assertThrows(IllegalArgumentException.class, () -> w.write(new EmbeddingRow("b", "train", 1, new float[2])));
      assertThrows(IllegalArgumentException.class, () -> w.write(new EmbeddingRow("b", null, 1, new float[3])));
      assertThrows(IllegalArgumentException.class, () -> w.write(new EmbeddingRow("b", "train", 4, new float[3])));
      assertThrows(IllegalArgumentException.class, () -> w.write(new EmbeddingRow(null, "train", 1, new float[3])));
      w.write(new EmbeddingRow("c", "test", 0, new float[] {1, 2, 3}));
      assertEquals(2, w.rows());
      w.commit();
    }
    List<ParquetFiles.Row> rows = ParquetFiles.read(file).rows();
    assertEquals(List.of("a", "c"), rows.stream().map(ParquetFiles.Row::id).toList());
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
