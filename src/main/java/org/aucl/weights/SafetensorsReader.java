package org.aucl.weights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aucl.util.UserException;

/**
 * Reads a safetensors file ({@link SafetensorsFile} describes the format) and checks it as the
 * format's own loader does: a header that fits the file, known dtypes, non-negative shapes, each
 * tensor's byte range the size its dtype and shape give, the ranges contiguous from 0 and ending at
 * the end of the file, no name twice. A file that breaks a rule is refused in one sentence.
 */
public final class SafetensorsReader {
  /** The format's own limit on the header (100 MB). */
  static final long MAX_HEADER = 100_000_000L;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private SafetensorsReader() {}

  public static SafetensorsFile read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, Files.size(path), path.toString());
    } catch (NoSuchFileException e) {
      throw new UserException(path + " does not exist.", e);
    } catch (IOException e) {
      throw new UserException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code size} bytes of {@code in}; {@code name} is the file's name for messages. */
  public static SafetensorsFile read(InputStream in, long size, String name) throws IOException {
    try {
      return parse(in, size);
    } catch (IllegalArgumentException e) {
      throw new UserException(name + " is not a valid safetensors file: " + e.getMessage(), e);
    }
  }

  private static SafetensorsFile parse(InputStream in, long size) throws IOException {
    if (size < 8) {
      throw new IllegalArgumentException("it is " + size + " bytes long, shorter than the 8 bytes of the header's length.");
    }
    long n = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n < 2 || n > MAX_HEADER || n > size - 8) {
      throw new IllegalArgumentException("its first 8 bytes give a header of " + Long.toUnsignedString(n)
          + " bytes, which does not fit its " + size + " bytes.");
    }
    byte[] headerBytes = in.readNBytes((int) n);
    JsonNode header;
    try {
      header = JSON.readTree(headerBytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("its header is not JSON (" + e.getOriginalMessage() + ").");
    }
    if (header == null || !header.isObject()) {
      throw new IllegalArgumentException("its header is not a JSON object.");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("__metadata__")) {
        readMetadata(f.getValue(), metadata);
      } else {
        entries.add(entry(f.getKey(), f.getValue()));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long dataSize = size - 8 - n;
    long at = 0;
    for (Entry e : entries) {
      if (e.begin != at) {
        throw new IllegalArgumentException("tensor '" + e.name + "' starts at byte " + e.begin + " of the data, expected "
            + at + " (the tensors must be packed without gaps or overlaps from 0).");
      }
      at = e.end;
    }
    if (at != dataSize) {
      throw new IllegalArgumentException("its tensors take " + at + " bytes but " + dataSize + " follow the header.");
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Entry e : entries) {
      byte[] data = in.readNBytes((int) (e.end - e.begin));
      if (data.length != e.end - e.begin) {
        throw new IllegalArgumentException("it ends inside tensor '" + e.name + "'.");
      }
      tensors.put(e.name, new Tensor(e.name, e.dtype, e.shape, data));
    }
    return new SafetensorsFile(metadata, tensors);
  }

  private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

  private static void readMetadata(JsonNode node, Map<String, String> out) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("its __metadata__ is not an object of strings.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (!m.getValue().isTextual()) {
        throw new IllegalArgumentException("its __metadata__ value '" + m.getKey() + "' is not a string.");
      }
      out.put(m.getKey(), m.getValue().textValue());
    }
  }

  private static Entry entry(String name, JsonNode node) {
    JsonNode dtype = node.get("dtype");
    JsonNode shape = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
        || !offsets.isArray() || offsets.size() != 2) {
      throw new IllegalArgumentException("tensor '" + name + "' lacks a dtype, a shape or its two data_offsets.");
    }
    DType type = DType.of(dtype.textValue(), name);
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = whole(shape.get(i), name);
    }
    long begin = whole(offsets.get(0), name);
    long end = whole(offsets.get(1), name);
    long bytes;
    try {
      bytes = Math.multiplyExact(Tensor.elements(dims), type.bytes());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("tensor '" + name + "' is too large.");
    }
    if (end < begin || end - begin != bytes) {
      throw new IllegalArgumentException("tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] but its "
          + type + " shape " + java.util.Arrays.toString(dims) + " takes " + bytes + " bytes.");
    }
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensor '" + name + "' is larger than 2 GB, more than aucl reads.");
    }
    return new Entry(name, type, dims, begin, end);
  }

  private static long whole(JsonNode v, String tensor) {
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
      throw new IllegalArgumentException("tensor '" + tensor + "' has a shape or offset that is not a non-negative integer: " + v + ".");
    }
    return v.longValue();
  }
}
