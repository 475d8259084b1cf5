package org.aucl.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aucl's Parquet files as an independent reader sees them: hyparquet, in Node.js (see {@link Hyparquet}). */
class ParquetHyparquetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static Path write(Path file, EmbeddingColumns columns, List<EmbeddingRow> rows, long rowGroupBytes) {
    try (ParquetEmbeddingWriter w = new ParquetEmbeddingWriter(file, columns, rowGroupBytes)) {
      for (EmbeddingRow r : rows) {
        w.write(r);
      }
      w.commit();
    }
    return file;
  }

  /** One schema element as read-parquet.mjs prints it. */
  private static Map<String, Object> element(String name, String type, String repetition, int children, String logical,
      String converted) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("name", name);
    e.put("type", type);
    e.put("repetition", repetition);
    e.put("children", children);
    e.put("logical", logical);
    e.put("converted", converted);
    return e;
  }

  private static List<Map<String, Object>> schema(EmbeddingColumns columns) {
    List<Map<String, Object>> s = new ArrayList<>();
    s.add(element("embeddings", null, null, columns.keyNames().size() + 1, null, null));
    s.add(element("id", "BYTE_ARRAY", "REQUIRED", 0, "STRING", "UTF8"));
    if (columns.split()) {
      s.add(element("split", "BYTE_ARRAY", "OPTIONAL", 0, "STRING", "UTF8"));
    }
    if (columns.labeled()) {
      s.add(element("label", "INT32", "OPTIONAL", 0, null, null));
      s.add(element("class", "BYTE_ARRAY", "OPTIONAL", 0, "STRING", "UTF8"));
    }
    s.add(element("embedding", null, "REQUIRED", 1, "LIST", "LIST"));
    s.add(element("list", null, "REPEATED", 1, null, null));
    s.add(element("element", "FLOAT", "REQUIRED", 0, null, null));
    return s;
  }

  /** The rows as read-parquet.mjs prints them: every column, floats as their bits. */
  private static List<Map<String, Object>> rows(EmbeddingColumns columns, List<EmbeddingRow> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EmbeddingRow r : rows) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("id", r.id());
      if (columns.split()) {
        m.put("split", r.split());
      }
      if (columns.labeled()) {
        m.put("label", r.label());
        m.put("class", columns.className(r.label()));
      }
      List<Integer> bits = new ArrayList<>();
      for (int b : ParquetEmbeddingWriterTest.bits(r.vector())) {
        bits.add(b);
      }
      m.put("embedding", bits);
      out.add(m);
    }
    return out;
  }

  private static void assertReadAsWritten(Path file, EmbeddingColumns columns, List<EmbeddingRow> written) {
    JsonNode read = Hyparquet.read(file);
    assertEquals(JSON.valueToTree(schema(columns)), read.get("schema"), "schema");
    assertEquals(written.size(), read.get("numRows").asInt(), "row count");
    assertEquals(ParquetFiles.read(file).rowGroups(), read.get("rowGroups").asInt(), "row groups");
    Map<String, String> metadata = new java.util.TreeMap<>(ParquetEmbeddingWriter.metadata(columns));
    metadata.put("writer.model.name", "aucl");
    assertEquals(JSON.valueToTree(metadata), read.get("metadata"), "key-value metadata");
    assertEquals(JSON.valueToTree(written.isEmpty() ? List.of() : List.of("SNAPPY")), read.get("codecs"), "codecs");
    List<Map<String, Object>> expected = rows(columns, written);
    JsonNode actual = read.get("rows");
    assertEquals(expected.size(), actual.size(), "rows");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(JSON.valueToTree(expected.get(i)), actual.get(i), "row " + i);
    }
  }

  @Test
  void hyparquetReadsLabelledRowsWithSplitsAcrossRowGroupsBitForBit() {
    EmbeddingColumns columns = new EmbeddingColumns(24, true, ParquetEmbeddingWriterTest.CLASSES);
    List<EmbeddingRow> rows = SampleRows.of(columns, 3000, 21);
    Path file = write(tmp.resolve("labelled.parquet"), columns, rows, 64 << 10);
    assertTrue(ParquetFiles.read(file).rowGroups() > 1, "several row groups");
    assertReadAsWritten(file, columns, rows);
  }

  @Test
  void hyparquetReadsUnlabeledRows() {
    EmbeddingColumns columns = new EmbeddingColumns(7, false, List.of());
    List<EmbeddingRow> rows = SampleRows.of(columns, 50, 22);
    assertReadAsWritten(write(tmp.resolve("unlabeled.parquet"), columns, rows, ParquetEmbeddingWriter.ROW_GROUP_BYTES),
        columns, rows);
  }

  @Test
  void hyparquetReadsAFileOfNoRows() {
    EmbeddingColumns columns = new EmbeddingColumns(16, true, ParquetEmbeddingWriterTest.CLASSES);
    assertReadAsWritten(write(tmp.resolve("empty.parquet"), columns, List.of(), ParquetEmbeddingWriter.ROW_GROUP_BYTES),
        columns, List.of());
  }
}
