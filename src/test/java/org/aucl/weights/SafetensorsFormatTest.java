package org.aucl.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

/**
 * The writer and the reader against the safetensors specification (huggingface/safetensors, "Format"):
 * files written out byte by byte here, not by the writer, so that the two cannot agree on a mistake.
 */
class SafetensorsFormatTest {

  /** 8 bytes of little-endian length, the header, its padding spaces, then the data. */
  private static byte[] file(String header, int... data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[8 + h.length + data.length];
    long n = h.length;
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (n >>> (8 * i));
    }
    System.arraycopy(h, 0, out, 8, h.length);
    for (int i = 0; i < data.length; i++) {
      out[8 + h.length + i] = (byte) data[i];
    }
    return out;
  }

  private static SafetensorsFile read(byte[] bytes) throws IOException {
    return SafetensorsReader.read(new ByteArrayInputStream(bytes), bytes.length, "t.safetensors");
  }

  @Test
  void writesTheSpecificationsBytesForATinyFile() throws IOException {
    SafetensorsFile f = SafetensorsFile.of(Map.of("arch", "resnet18"), List.of(
        Tensor.ofFloats("w", new long[] {2}, new float[] {1.0f, -2.0f}),
        Tensor.ofLongs("n", new long[0], new long[] {3})));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafetensorsWriter.write(out, f);
    String json = "{\"__metadata__\":{\"arch\":\"resnet18\"},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]}}";
    assertEquals(142, json.length());
    String padded = json + "  "; // 144: the data starts at 8 + 144, a multiple of 8
    byte[] expected = file(padded,
        0x00, 0x00, 0x80, 0x3f, // 1.0f, little-endian
        0x00, 0x00, 0x00, 0xc0, // -2.0f
        0x03, 0, 0, 0, 0, 0, 0, 0); // 3L
    assertEquals(144, expected[0] & 0xff);
    assertArrayEquals(expected, out.toByteArray());
  }

  @Test
  void readsEveryDtypeInAnyHeaderOrder() throws IOException {
    // an I64 scalar given 6 bytes instead of 8
    String wrongSize = "{\"i\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,6]}}";
    UserException wrong = assertThrows(UserException.class, () -> read(file(wrongSize, 0, 0, 0, 0, 0, 0)));
    assertTrue(wrong.getMessage().contains("'i'"), wrong.getMessage());

    // tensors listed in another order than their data, keys in another order than the writer's
    String good = "{\"h\":{\"data_offsets\":[18,22],\"shape\":[2],\"dtype\":\"F16\"},"
        + "\"d\":{\"shape\":[1],\"dtype\":\"F64\",\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,1],\"data_offsets\":[8,10]},"
        + "\"z\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[10,10]},"
        + "\"i\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[10,18]}}";
    SafetensorsFile f = read(file(good,
        0, 0, 0, 0, 0, 0, 0xf8, 0x3f, // d: 1.5
        0x40, 0xc0, // b: -3.0
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // i: -1
        0x00, 0x3c, 0x01, 0x00)); // h: 1.0, and the smallest subnormal 2^-24
    assertEquals(List.of("d", "b", "z", "i", "h"), List.copyOf(f.tensors().keySet()));
    assertArrayEquals(new float[] {1.5f}, f.tensors().get("d").floats());
    assertArrayEquals(new float[] {-3.0f}, f.tensors().get("b").floats());
    assertArrayEquals(new float[] {1.0f, 0x1p-24f}, f.tensors().get("h").floats());
    assertArrayEquals(new long[] {1, 1}, f.tensors().get("b").shape());
    assertEquals(0, f.tensors().get("z").floats().length);
    assertEquals(DType.I64, f.tensors().get("i").dtype());
    assertTrue(f.metadata().isEmpty());
  }

  @Test
  void readsWhatItWroteWithMetadata() throws IOException {
    SafetensorsFile f = SafetensorsFile.of(Map.of("mean", "0.5,0.25"), List.of(
        Tensor.ofFloats("a.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, Float.MIN_VALUE})));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafetensorsWriter.write(out, f);
    byte[] bytes = out.toByteArray();
    long n = bytes[0] & 0xff;
    assertEquals(0, (8 + n) % 8, "the data starts 8-byte aligned");
    SafetensorsFile back = read(bytes);
    assertEquals(f, back);
  }

  private static String refusal(String header, int dataBytes) {
    byte[] b = file(header, new int[dataBytes]);
    return assertThrows(UserException.class, () -> read(b)).getMessage();
  }

  @Test
  void refusesWhatTheSpecificationForbids() {
    String one = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    assertTrue(refusal(one + "}", 8).contains("take 4 bytes but 8 follow"), "trailing bytes");
    assertTrue(refusal(one + "}", 2).contains("4 bytes but 2"), "truncated data");
    assertTrue(refusal(one + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12)
        .contains("'b' starts at byte 8"), "a gap");
    assertTrue(refusal(one + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", 6)
        .contains("'b' starts at byte 2"), "an overlap");
    assertTrue(refusal(one + ",\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)
        .contains("Duplicate"), "a name twice");
    assertTrue(refusal("{\"a\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4).contains("dtype Q4"));
    assertTrue(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4).contains("non-negative"));
    assertTrue(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4).contains("takes 8 bytes"));
    assertTrue(refusal("{\"__metadata__\":{\"k\":1}}", 0).contains("not a string"));
    assertTrue(refusal("[1, 2]", 0).contains("not a JSON object"));
    assertTrue(refusal("{\"a\":", 0).contains("not JSON"));
    byte[] tooLong = file("{}");
    tooLong[0] = 100; // claims 100 header bytes in a 10-byte file
    assertTrue(assertThrows(UserException.class, () -> read(tooLong)).getMessage().contains("does not fit"));
    assertTrue(assertThrows(UserException.class, () -> read(new byte[3])).getMessage().contains("shorter than the 8 bytes"));
  }
}
