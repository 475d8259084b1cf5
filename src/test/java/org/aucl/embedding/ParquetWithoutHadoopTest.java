package org.aucl.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop is on the test class path only because the build compiles against it and parquet-java's
 * reader (used by the tests) loads its codec classes; aucl's runtime class path (target/lib) has none.
 * This test writes a file through a class loader that sees the test class path without Hadoop's jars.
 */
class ParquetWithoutHadoopTest {
  @TempDir Path tmp;

  static final EmbeddingColumns COLUMNS = new EmbeddingColumns(32, true, ParquetEmbeddingWriterTest.CLASSES);

  /** Run inside the class loader without Hadoop. */
  public static final class Probe {
    public static long write(Path file) {
      try (EmbeddingWriter w = EmbeddingFormat.PARQUET.open(file, COLUMNS)) {
        for (EmbeddingRow r : SampleRows.of(COLUMNS, 500, 11)) {
          w.write(r);
        }
        w.commit();
        return w.rows();
      }
    }
  }

  @Test
  void writesAFileWithNoHadoopClassToLoad() throws Exception {
    List<URL> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("hadoop-")) {
        dropped.add(name);
      } else {
        kept.add(Path.of(entry).toUri().toURL());
      }
    }
    assertFalse(dropped.isEmpty(), "the test class path has Hadoop's API jar to leave out");
    Path file = tmp.resolve("e.parquet");
    try (URLClassLoader noHadoop = new URLClassLoader(kept.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName("org.apache.hadoop.conf.Configuration", false, noHadoop));
      Class<?> probe = Class.forName(Probe.class.getName(), true, noHadoop);
      Method write = probe.getMethod("write", Path.class);
      assertEquals(500L, write.invoke(null, file));
    }
    ParquetEmbeddingWriterTest.assertSameRows(COLUMNS, SampleRows.of(COLUMNS, 500, 11), ParquetFiles.read(file).rows());
  }
}
