package org.aucl.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.aucl.util.AtomicFiles;

/**
 * Writes a {@link SafetensorsFile} in the safetensors format: the header's length (8 bytes,
 * little-endian), the compact JSON header ({@code __metadata__} first, then the tensors in the file's
 * order, their data packed from offset 0) padded with spaces to a multiple of 8 bytes, then the data.
 */
public final class SafetensorsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsWriter() {}

  /** Writes {@code file} to {@code target} under a temporary name, then renames it. */
  public static void write(Path target, SafetensorsFile file) {
    AtomicFiles.write(target, out -> write(out, file));
  }

  public static void write(OutputStream out, SafetensorsFile file) throws IOException {
    byte[] header = header(file);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
    out.write(header);
    for (Tensor t : file.tensors().values()) {
      out.write(t.data());
    }
  }

  /** The header's bytes, padded with spaces so that the data starts at a multiple of 8. */
  static byte[] header(SafetensorsFile file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    if (!file.metadata().isEmpty()) {
      ObjectNode meta = root.putObject("__metadata__");
      for (Map.Entry<String, String> e : file.metadata().entrySet()) {
        meta.put(e.getKey(), e.getValue());
      }
    }
    long offset = 0;
    for (Tensor t : file.tensors().values()) {
      ObjectNode entry = root.putObject(t.name());
      entry.put("dtype", t.dtype().name());
      ArrayNode shape = entry.putArray("shape");
      Arrays.stream(t.shape()).forEach(shape::add);
      entry.putArray("data_offsets").add(offset).add(offset + t.data().length);
      offset += t.data().length;
    }
    byte[] json = JSON.writeValueAsBytes(root);
    int padded = (json.length + 7) / 8 * 8;
    byte[] out = Arrays.copyOf(json, padded);
    Arrays.fill(out, json.length, padded, (byte) ' ');
    return out;
  }
}
