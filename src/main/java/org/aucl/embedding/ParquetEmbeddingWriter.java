package org.aucl.embedding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.aucl.util.Json;
import org.aucl.util.PendingFile;

/**
 * Apache Parquet, one row per image, in the plainest schema Spark, pandas and hyparquet read:
 *
 * <pre>
 * message embeddings {
 *   required binary id (STRING);
 *   optional binary split (STRING);          -- where the columns have a split
 *   optional int32 label;                    -- where the dataset is labelled
 *   optional binary class (STRING);          -- where the dataset is labelled
 *   required group embedding (LIST) {
 *     repeated group list {
 *       required float element;
 *     }
 *   }
 * }
 * </pre>
 *
 * <p>The footer's key-value metadata holds {@code aucl.dim} and, when labelled, {@code aucl.classes}
 * (the class names in label order, a JSON array). Pages are SNAPPY-compressed: Spark's default codec
 * and one hyparquet reads without extra packages; it gains little on dense float vectors, but about
 * half on post-ReLU features with many zeros.
 *
 * <p>Rows go through parquet-java's {@link ParquetWriter} with a {@link WriteSupport} of our own
 * (parquet-column's record API) rather than parquet-avro: it writes {@link EmbeddingRow}s directly and
 * brings no Avro. The writer buffers one row group ({@link #ROW_GROUP_BYTES}) and flushes it to the
 * temporary file, so memory stays bounded whatever the row count. Hadoop is not needed at run time:
 * the configuration, output file and codec factory given to the builder are parquet-java's non-Hadoop
 * ones or ours ({@link SnappyCodecs}).
 */
final class ParquetEmbeddingWriter implements EmbeddingWriter {
  /** Bytes a row group buffers before it is written: about 8,000 rows of 512 floats. */
  static final long ROW_GROUP_BYTES = 16L << 20;

  static final CompressionCodecName CODEC = CompressionCodecName.SNAPPY;

  private final PendingFile file;
  private final TmpFile out;
  private final ParquetWriter<EmbeddingRow> writer;
  private final EmbeddingColumns columns;
  private long rows;
  private boolean finished;

  ParquetEmbeddingWriter(Path target, EmbeddingColumns columns) {
    this(target, columns, ROW_GROUP_BYTES);
  }

  ParquetEmbeddingWriter(Path target, EmbeddingColumns columns, long rowGroupBytes) {
    this.columns = columns;
    this.file = PendingFile.begin(target);
    this.out = new TmpFile(file);
    try {
      this.writer = new Builder(out, columns)
          .withConf(new PlainParquetConfiguration())
          .withCodecFactory(new SnappyCodecs())
          .withCompressionCodec(CODEC)
          .withRowGroupSize(rowGroupBytes)
          // ids are unique and floats rarely repeat: a dictionary would only be built to be dropped
          .withDictionaryEncoding("id", false)
          .withDictionaryEncoding("embedding.list.element", false)
          .build();
    } catch (IOException | RuntimeException e) {
      out.abandon();
      file.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The Parquet schema of {@code columns}. */
  static MessageType schema(EmbeddingColumns columns) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id");
    if (columns.split()) {
      b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("split");
    }
    if (columns.labeled()) {
      b.optional(PrimitiveTypeName.INT32).named("label");
      b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("class");
    }
    b.requiredList().requiredElement(PrimitiveTypeName.FLOAT).named("embedding");
    return b.named("embeddings");
  }

  /** The footer's key-value metadata for {@code columns}. */
  static Map<String, String> metadata(EmbeddingColumns columns) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("aucl.dim", Integer.toString(columns.dim()));
    if (columns.labeled()) {
      m.put("aucl.classes", Json.line(columns.classNames()));
    }
    return m;
  }

  @Override
  public void write(EmbeddingRow row) {
    Rows.check(row, columns);
    try {
      writer.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Bytes held in memory, not yet in the temporary file: at most about a row group. */
  long bufferedBytes() {
    return writer.getDataSize() - out.position();
  }

  @Override
  public List<Path> commit() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.target() + ": " + e.getMessage(), e);
    }
    finished = true;
    file.commit();
    return List.of(file.target());
  }

  @Override
  public void close() {
    if (!finished) {
      // abandoned: the buffered row group is dropped, not compressed and written to be deleted
      finished = true;
      out.abandon();
    }
    file.close();
  }

  private static final class Builder extends ParquetWriter.Builder<EmbeddingRow, Builder> {
    private final EmbeddingColumns columns;

    Builder(OutputFile out, EmbeddingColumns columns) {
      super(out);
      this.columns = columns;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<EmbeddingRow> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(columns);
    }

    @Override
    protected WriteSupport<EmbeddingRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      throw new UnsupportedOperationException("aucl writes Parquet without Hadoop");
    }
  }

  /** One {@link EmbeddingRow} as one record of {@link #schema}. */
  private static final class RowWriteSupport extends WriteSupport<EmbeddingRow> {
    private final EmbeddingColumns columns;
    private final MessageType schema;
    private final int split;
    private final int label;
    private final int className;
    private final int embedding;
    private RecordConsumer out;

    RowWriteSupport(EmbeddingColumns columns) {
      this.columns = columns;
      this.schema = schema(columns);
      this.split = columns.split() ? schema.getFieldIndex("split") : -1;
      this.label = columns.labeled() ? schema.getFieldIndex("label") : -1;
      this.className = columns.labeled() ? schema.getFieldIndex("class") : -1;
      this.embedding = schema.getFieldIndex("embedding");
    }

    @Override
    public String getName() {
      return "aucl";
    }

    @Override
    public WriteContext init(ParquetConfiguration conf) {
      return new WriteContext(schema, metadata(columns));
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
      throw new UnsupportedOperationException("aucl writes Parquet without Hadoop");
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(EmbeddingRow row) {
      out.startMessage();
      string("id", 0, row.id());
      if (split >= 0) {
        string("split", split, row.split());
      }
      if (label >= 0) {
        out.startField("label", label);
        out.addInteger(row.label());
        out.endField("label", label);
        string("class", className, columns.className(row.label()));
      }
      out.startField("embedding", embedding);
      out.startGroup();
      float[] v = row.vector();
      if (v.length > 0) { // an empty list is a group without its repeated field
        out.startField("list", 0);
        for (float x : v) {
          out.startGroup();
          out.startField("element", 0);
          out.addFloat(x);
          out.endField("element", 0);
          out.endGroup();
        }
        out.endField("list", 0);
      }
      out.endGroup();
      out.endField("embedding", embedding);
      out.endMessage();
    }

    private void string(String name, int index, String value) {
      out.startField(name, index);
      out.addBinary(Binary.fromString(value));
      out.endField(name, index);
    }
  }

  /** The pending file's temporary file as parquet-java's {@link OutputFile}: one stream, counted. */
  private static final class TmpFile implements OutputFile {
    private final PendingFile file;
    private Stream stream;

    TmpFile(PendingFile file) {
      this.file = file;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      if (stream != null) {
        throw new IllegalStateException(file.tmp() + " is already open");
      }
      stream = new Stream(new BufferedOutputStream(file.open(), 1 << 16));
      return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return file.tmp().toString();
    }

    long position() {
      return stream == null ? 0 : stream.position;
    }

    /** Closes the file; the row group the writer holds is never written. */
    void abandon() {
      if (stream != null) {
        stream.abandon();
      }
    }
  }

  private static final class Stream extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private boolean closed;

    Stream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }

    void abandon() {
      closed = true;
      try {
        out.close();
      } catch (IOException ignored) {
        // the file is deleted next
      }
    }
  }
}
