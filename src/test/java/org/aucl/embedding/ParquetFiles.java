package org.aucl.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** A Parquet file read back with parquet-java's own reader (its example Group records). */
record ParquetFiles(MessageType schema, Map<String, String> metadata, String createdBy, long rowCount, int rowGroups,
    Set<String> codecs, List<ParquetFiles.Row> rows) {

  /** One record: null where the file has no such column or the record no value. */
  record Row(String id, String split, Integer label, String className, float[] vector) {}

  static ParquetFiles read(Path file) {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new SnappyCodecs()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      ParquetMetadata footer = reader.getFooter();
      MessageType schema = footer.getFileMetaData().getSchema();
      Set<String> codecs = new TreeSet<>();
      for (BlockMetaData block : footer.getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          codecs.add(chunk.getCodec().name());
        }
      }
      List<Row> rows = new ArrayList<>();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(row(records.read()));
        }
      }
      return new ParquetFiles(schema, footer.getFileMetaData().getKeyValueMetaData(),
          footer.getFileMetaData().getCreatedBy(), reader.getRecordCount(), footer.getBlocks().size(), codecs, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row row(Group g) {
    String split = has(g, "split") ? g.getString("split", 0) : null;
    Integer label = has(g, "label") ? g.getInteger("label", 0) : null;
    String className = has(g, "class") ? g.getString("class", 0) : null;
    Group embedding = g.getGroup("embedding", 0);
    float[] v = new float[embedding.getFieldRepetitionCount("list")];
    for (int j = 0; j < v.length; j++) {
      v[j] = embedding.getGroup("list", j).getFloat("element", 0);
    }
    return new Row(g.getString("id", 0), split, label, className, v);
  }

  private static boolean has(Group g, String field) {
    return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
  }
}
