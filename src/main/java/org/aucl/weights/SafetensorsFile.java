package org.aucl.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a safetensors file: its {@code __metadata__} (strings to strings) and its tensors,
 * in the order of their data. The format (huggingface/safetensors): 8 bytes, the header's length N as
 * a little-endian unsigned 64-bit integer; N bytes of UTF-8 JSON, an object mapping each tensor's name
 * to {@code {"dtype", "shape", "data_offsets": [begin, end]}} and the optional {@code __metadata__};
 * then the data, each tensor's bytes little-endian and row-major at [begin, end) of it, the tensors
 * packed without gaps from offset 0. {@link SafetensorsWriter} pads the header with spaces to a
 * multiple of 8 bytes, so that the data starts aligned.
 */
public record SafetensorsFile(Map<String, String> metadata, Map<String, Tensor> tensors) {
  public SafetensorsFile {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /** A file of {@code tensors} in this order, with {@code metadata}. */
  public static SafetensorsFile of(Map<String, String> metadata, List<Tensor> tensors) {
    Map<String, Tensor> byName = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("two tensors are named '" + t.name() + "'.");
      }
    }
    return new SafetensorsFile(metadata, byName);
  }
}
