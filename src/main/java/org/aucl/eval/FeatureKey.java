package org.aucl.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.aucl.data.ImageDataset;

/**
 * What a set of cached features depends on: the checkpoint's content, the images, the transform and
 * the head. Two keys with equal {@link #digest()} name the same features.
 *
 * @param checkpoint hash of every file of the checkpoint folder ({@link #hashFolder})
 * @param dataset the images' identity ({@link #identify})
 * @param split which split of the dataset
 * @param transform the evaluation transform as text (its steps and their parameters)
 * @param head encoder or projector
 */
public record FeatureKey(String checkpoint, String dataset, String split, String transform, FeatureHead head) {
  /** Images whose pixels go into a dataset's identity, spread evenly over it. */
  private static final int SAMPLED_IMAGES = 64;

  /** SHA-256 of the key's fields, in hex: the cache file's name. */
  public String digest() {
    MessageDigest md = sha256();
    for (String part : List.of(checkpoint, dataset, split, transform, head.name())) {
      md.update(part.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** SHA-256 over the names and bytes of the regular files of {@code folder}, in name order. */
  public static String hashFolder(Path folder) {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        try (InputStream in = Files.newInputStream(f)) {
          for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            md.update(buf, 0, r);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read checkpoint " + folder + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * A dataset's identity: name, size, shape, class names, every label, and the pixels of a few images
   * spread over it. Reading all pixels would cost as much as extracting the features; the sample catches
   * a replaced or re-ordered dataset, and the labels catch a relabelled one.
   */
  public static String identify(ImageDataset ds) {
    MessageDigest md = sha256();
    String head = ds.name() + "|" + ds.size() + "|" + ds.channels() + "x" + ds.height() + "x" + ds.width() + "|"
        + String.join(",", ds.classNames());
    md.update(head.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < ds.size(); i++) {
      int l = ds.label(i);
      md.update(new byte[] {(byte) (l >>> 24), (byte) (l >>> 16), (byte) (l >>> 8), (byte) l});
    }
    int samples = Math.min(SAMPLED_IMAGES, ds.size());
    for (int s = 0; s < samples; s++) {
      float[] img = ds.image((int) ((long) s * ds.size() / samples));
      for (float v : img) {
        int b = Float.floatToIntBits(v);
        md.update(new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b});
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
