package org.aucl.weights;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aucl.model.NetConfig;

/**
 * What aucl writes in a safetensors file's {@code __metadata__} (strings only, as the format asks),
 * enough to build the network again elsewhere: {@code producer}, {@code names} (torchvision or timm),
 * {@code parts} ({@code encoder} or {@code encoder,projector}), {@code arch}, {@code stem},
 * {@code width}, {@code in_channels}, {@code image_size}, {@code patch_size}, {@code feature_dim},
 * {@code proj_hidden}, {@code proj_out}, and the normalisation the images need, {@code mean} and
 * {@code std} (one number per channel, comma-separated, for pixels in [0, 1]). Read back, every field
 * is optional: a file from elsewhere has none.
 */
public record WeightsMetadata(NetConfig net, float[] mean, float[] std, boolean withProjector, String producer) {

  /** The metadata of aucl's own export. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("producer", producer);
    m.put("names", WeightNames.of(net).convention());
    m.put("parts", withProjector ? "encoder,projector" : "encoder");
    m.put("arch", net.arch());
    if (!NetConfig.isVitArch(net.arch())) {
      m.put("stem", net.stem());
      m.put("width", Double.toString(net.width()));
    } else {
      m.put("patch_size", Integer.toString(net.patchSize()));
    }
    m.put("in_channels", Integer.toString(net.inChannels()));
    m.put("image_size", Integer.toString(net.imageSize()));
    m.put("proj_hidden", Integer.toString(net.projHidden()));
    m.put("proj_out", Integer.toString(net.projOut()));
    m.put("mean", join(perChannel(mean, net.inChannels())));
    m.put("std", join(perChannel(std, net.inChannels())));
    return m;
  }

  /** One value per channel: a single value stands for every channel. */
  static float[] perChannel(float[] v, int channels) {
    if (v.length == channels) {
      return v.clone();
    }
    float[] out = new float[channels];
    java.util.Arrays.fill(out, v[0]);
    return out;
  }

  private static String join(float[] v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(Float.toString(v[i]));
    }
    return b.toString();
  }

  /** The numbers of a metadata value such as {@code "0.485,0.456,0.406"}; null when absent. */
  public static float[] floats(Map<String, String> meta, String key) {
    String v = meta.get(key);
    if (v == null) {
      return null;
    }
    String[] parts = v.split(",");
    float[] out = new float[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = Float.parseFloat(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the file's metadata '" + key + "' is not a list of numbers: '" + v + "'.");
    }
    return out;
  }

  /** An integer of the metadata; null when absent. */
  public static Integer integer(Map<String, String> meta, String key) {
    String v = meta.get(key);
    try {
      return v == null ? null : Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the file's metadata '" + key + "' is not an integer: '" + v + "'.");
    }
  }

  /** A number of the metadata; null when absent. */
  public static Double number(Map<String, String> meta, String key) {
    String v = meta.get(key);
    try {
      return v == null ? null : Double.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the file's metadata '" + key + "' is not a number: '" + v + "'.");
    }
  }

  /** "a resnet18 with the small stem at width 0.25, for 1-channel images" (for messages). */
  public static String describe(NetConfig net) {
    String channels = net.inChannels() + "-channel images of " + net.imageSize() + " px";
    if (NetConfig.isVitArch(net.arch())) {
      return String.format(Locale.ROOT, "a %s with %d px patches, for %s", net.arch(), net.patchSize(), channels);
    }
    return String.format(Locale.ROOT, "a %s with the %s stem at width %s, for %s", net.arch(), net.stem(),
        stripZeros(net.width()), channels);
  }

  private static String stripZeros(double w) {
    return java.math.BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
  }
}
