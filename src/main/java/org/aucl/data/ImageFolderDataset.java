package org.aucl.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.aucl.util.UserException;

/**
 * Images in a folder, decoded lazily with javax.imageio (PNG, JPEG, BMP, GIF) and resized bilinearly to
 * {@code channels x size x size}.
 *
 * <p>A folder with sub-folders is labeled: one sub-folder per class, classes in sorted name order, images
 * found recursively inside each. A folder with image files and no sub-folders is unlabeled. Decoded images
 * are cached as bytes when the whole set fits in 1 GiB, so later epochs do not decode again.
 */
public final class ImageFolderDataset extends ShapedImageDataset {
  private static final long MAX_CACHE_BYTES = 1L << 30;
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  private final Path root;
  private final List<Path> files;
  private final int[] labels;
  private final AtomicReferenceArray<byte[]> cache;

  /**
   * @param size output height and width; 0 takes the size of the first image (its height and width)
   * @param channels 1 (grayscale, ITU-R 601 luma), 3 (RGB), or 0: 1 when the images are stored grey
   *     ({@link GreyImages}), else 3
   */
  public ImageFolderDataset(String name, Path root, int size, int channels) {
    this(name, root, scan(root, size, channels));
  }

  private ImageFolderDataset(String name, Path root, Listing listing) {
    super(name, listing.channels(), listing.height(), listing.width(), listing.classNames());
    this.root = root;
    this.files = listing.files();
    this.labels = listing.labels();
    long total = (long) files.size() * channels() * height() * width();
    this.cache = total <= MAX_CACHE_BYTES ? new AtomicReferenceArray<>(files.size()) : null;
  }

  /** What a folder holds: image files, their labels (null when unlabeled), class names, output shape. */
  private record Listing(
      List<Path> files, int[] labels, List<String> classNames, int channels, int height, int width) {}

  private static Listing scan(Path root, int size, int channels) {
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 0 (from the images), 1 or 3, got " + channels);
    }
    if (size < 0) {
      throw new IllegalArgumentException("image size must be >= 0, got " + size);
    }
    if (!Files.isDirectory(root)) {
      throw new UserException("Image folder " + root + " does not exist or is not a directory.");
    }
    List<Path> classDirs = list(root).stream().filter(Files::isDirectory).sorted().toList();
    List<Path> found = new ArrayList<>();
    List<Integer> foundLabels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (classDirs.isEmpty()) {
      list(root).stream().filter(ImageFolderDataset::isImage).sorted().forEach(found::add);
    } else {
      for (Path dir : classDirs) {
        List<Path> inClass = walkImages(dir);
        if (inClass.isEmpty()) {
          throw new UserException("Class folder " + dir + " holds no image files (.png, .jpg, .jpeg, .bmp, .gif).");
        }
        for (Path f : inClass) {
          found.add(f);
          foundLabels.add(names.size());
        }
        names.add(dir.getFileName().toString());
      }
    }
    if (found.isEmpty()) {
      throw new UserException("Image folder " + root + " holds no image files (.png, .jpg, .jpeg, .bmp, .gif) and no class sub-folders.");
    }
    int[] labels = classDirs.isEmpty() ? null : foundLabels.stream().mapToInt(Integer::intValue).toArray();
    int c = channels != 0 ? channels : GreyImages.all(found) ? 1 : 3;
    if (size == 0) {
      BufferedImage first = decode(found.get(0));
      return new Listing(List.copyOf(found), labels, names, c, first.getHeight(), first.getWidth());
    }
    return new Listing(List.copyOf(found), labels, names, c, size, size);
  }

  public Path root() {
    return root;
  }

  /** The file that image {@code i} is read from. */
  public Path file(int i) {
    return files.get(i);
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public void image(int i, float[] dst) {
    byte[] bytes = cache == null ? null : cache.get(i);
    if (bytes == null) {
      bytes = render(decode(files.get(i)));
      if (cache != null) {
        cache.set(i, bytes);
      }
    }
    PackedImages.toUnit(bytes, 0, bytes.length, dst);
  }

  @Override
  public int label(int i) {
    checkIndex(i);
    return labels == null ? -1 : labels[i];
  }

  /** Resizes (bilinear, half-pixel centres) and converts to CHW bytes. */
  private byte[] render(BufferedImage img) {
    int channels = channels();
    int height = height();
    int width = width();
    int sw = img.getWidth();
    int sh = img.getHeight();
    int[] argb = img.getRGB(0, 0, sw, sh, null, 0, sw);
    int plane = height * width;
    byte[] out = new byte[channels * plane];
    float sx = (float) sw / width;
    float sy = (float) sh / height;
    float[] rgb = new float[3];
    for (int y = 0; y < height; y++) {
      float fy = Math.min(Math.max((y + 0.5f) * sy - 0.5f, 0f), sh - 1);
      int y0 = (int) fy;
      int y1 = Math.min(y0 + 1, sh - 1);
      float wy = fy - y0;
      for (int x = 0; x < width; x++) {
        float fx = Math.min(Math.max((x + 0.5f) * sx - 0.5f, 0f), sw - 1);
        int x0 = (int) fx;
        int x1 = Math.min(x0 + 1, sw - 1);
        float wx = fx - x0;
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c;
          float top = lerp(channel(argb[y0 * sw + x0], shift), channel(argb[y0 * sw + x1], shift), wx);
          float bottom = lerp(channel(argb[y1 * sw + x0], shift), channel(argb[y1 * sw + x1], shift), wx);
          rgb[c] = lerp(top, bottom, wy);
        }
        int p = y * width + x;
        if (channels == 3) {
          out[p] = toByte(rgb[0]);
          out[plane + p] = toByte(rgb[1]);
          out[2 * plane + p] = toByte(rgb[2]);
        } else {
          out[p] = toByte(0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2]);
        }
      }
    }
    return out;
  }

  private static float channel(int argb, int shift) {
    return (argb >>> shift) & 0xFF;
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static byte toByte(float v) {
    return (byte) Math.min(255, Math.max(0, Math.round(v)));
  }

  private static BufferedImage decode(Path file) {
    try {
      BufferedImage img = ImageIO.read(file.toFile());
      if (img == null) {
        throw new UserException("Cannot decode image " + file + ": no image reader recognises its content.");
      }
      return img;
    } catch (IOException e) {
      throw new UserException("Cannot decode image " + file + ": " + e.getMessage() + ".", e);
    } catch (RuntimeException e) {
      if (e instanceof UserException) {
        throw e;
      }
      throw new UserException("Cannot decode image " + file + ": " + e + ".", e);
    }
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p) && !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    } catch (IOException e) {
      throw new UserException("Cannot list image folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  private static List<Path> walkImages(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(ImageFolderDataset::isImage).sorted().toList();
    } catch (IOException e) {
      throw new UserException("Cannot list image folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }
}
