package org.aucl.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.aucl.util.UserException;
import javax.imageio.ImageIO;

/**
 * Images in a folder, decoded lazily with javax.imageio (PNG, JPEG, BMP, GIF)
 * and resized bilinearly to {@code channels x size x size}.
 *
 * <p>With {@link FolderLabels#FOLDERS} a folder with sub-folders is labelled: one sub-folder per class,
 * classes in sorted name order, images found at any depth inside each. A folder with no sub-folders,
 * or any folder read with {@link FolderLabels#NONE}, is unlabeled: every image at any depth. Each image
 * is named by its path relative to the folder ({@link #id}). Files whose headers do not read are
 * refused or left out when the folder is indexed ({@link BadImages}). Decoded images are kept as bytes
 * when the whole set fits in 1 GiB (and {@link DatasetOptions#keepDecoded}), so later epochs do not
 * decode again.
 */
public final class ImageFolderDataset extends ShapedImageDataset {
  private static final long MAX_CACHE_BYTES = 1L << 30;

  private final Path root;
  private final List<String> ids;
  private final int[] labels;
  private final List<SkippedImage> skipped;
  private final BadImages onBadImage;
  private final boolean verified;
  private final AtomicReferenceArray<byte[]> cache;

  /**
   * @param size output height and width; 0 takes the size of the first image (its height and width)
   * @param channels 1 (grayscale, ITU-R 601 luma), 3 (RGB), or 0: 1 when the images are stored grey
   *     ({@link GreyImages}), else 3
   */
  public ImageFolderDataset(String name, Path root, int size, int channels) {
    this(name, root, DatasetOptions.DEFAULTS.withImageSize(size).withChannels(channels));
  }

  /** The folder {@code root} read as {@code options} say (image size, channels, labels, bad files, keeping). */
  public ImageFolderDataset(String name, Path root, DatasetOptions options) {
    this(name, FolderIndex.of(root, options.labels(), options.onBadImage()), options);
  }

  private ImageFolderDataset(String name, FolderIndex index, DatasetOptions options) {
    this(name, index, options, shape(index, options.imageSize(), options.channels()));
  }

  private ImageFolderDataset(String name, FolderIndex index, DatasetOptions options, int[] chw) {
    super(name, chw[0], chw[1], chw[2], index.classNames());
    this.root = index.root();
    this.ids = index.ids();
    this.labels = index.labels();
    this.skipped = index.skipped();
    this.onBadImage = options.onBadImage();
    this.verified = false;
    long total = (long) ids.size() * chw[0] * chw[1] * chw[2];
    this.cache = options.keepDecoded() && total <= MAX_CACHE_BYTES ? new AtomicReferenceArray<>(ids.size()) : null;
  }

  /** {@code from} without the images {@code bad} (sorted), their decoded bytes carried over. */
  private ImageFolderDataset(ImageFolderDataset from, List<Integer> bad, List<SkippedImage> alsoSkipped) {
    super(from.name(), from.channels(), from.height(), from.width(), from.classNames());
    this.root = from.root;
    this.onBadImage = from.onBadImage;
    this.verified = true;
    List<String> keptIds = new java.util.ArrayList<>();
    int[] keptLabels = from.labels == null ? null : new int[from.size() - bad.size()];
    AtomicReferenceArray<byte[]> keptCache = from.cache == null ? null : new AtomicReferenceArray<>(from.size() - bad.size());
    java.util.Set<Integer> drop = new java.util.HashSet<>(bad);
    for (int i = 0; i < from.size(); i++) {
      if (drop.contains(i)) {
        continue;
      }
      if (keptLabels != null) {
        keptLabels[keptIds.size()] = from.labels[i];
      }
      if (keptCache != null) {
        keptCache.set(keptIds.size(), from.cache.get(i));
      }
      keptIds.add(from.ids.get(i));
    }
    this.ids = List.copyOf(keptIds);
    this.labels = keptLabels;
    List<SkippedImage> all = new java.util.ArrayList<>(from.skipped);
    all.addAll(alsoSkipped);
    this.skipped = List.copyOf(all);
    this.cache = keptCache;
  }

  /**
   * This folder with every image decoded once, on {@code threads} threads (keeping the pixels where
   * they are kept): a header can read where the pixels do not (a PNG cut short), and training should
   * not stop at such a file hours in. An image that does not decode is refused, named, or left out and
   * listed in {@link #skipped()}, as {@link DatasetOptions#onBadImage} says.
   */
  public ImageFolderDataset verified(int threads) {
    if (verified) {
      return this;
    }
    SkippedImage[] failed = new SkippedImage[size()];
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(() -> java.util.stream.IntStream.range(0, size()).parallel().forEach(i -> {
        try {
          byte[] bytes = render(decode(file(i)));
          if (cache != null) {
            cache.set(i, bytes);
          }
        } catch (UnreadableImage e) {
          failed[i] = new SkippedImage(ids.get(i), e.problem());
        }
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + root, e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<Integer> bad = new java.util.ArrayList<>();
    List<SkippedImage> problems = new java.util.ArrayList<>();
    for (int i = 0; i < failed.length; i++) {
      if (failed[i] != null) {
        bad.add(i);
        problems.add(failed[i]);
      }
    }
    if (!bad.isEmpty() && onBadImage == BadImages.STOP) {
      SkippedImage first = problems.get(0);
      throw new UserException("Cannot decode image " + root.resolve(first.id()) + ": " + first.problem()
          + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more files of " + root + ")" : "")
          + "; remove it, or leave such files out with --on-bad-image skip.");
    }
    if (bad.size() == size()) {
      throw new UserException("No image of " + root + " decodes (" + problems.get(0).id() + ": " + problems.get(0).problem() + ").");
    }
    return new ImageFolderDataset(this, bad, problems);
  }

  /** Channels, height and width the images come out at. */
  private static int[] shape(FolderIndex index, int size, int channels) {
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 0 (from the images), 1 or 3, got " + channels);
    }
    if (size < 0) {
      throw new IllegalArgumentException("image size must be >= 0, got " + size);
    }
    List<Path> files = new java.util.AbstractList<>() {
      @Override
      public Path get(int i) {
        return index.root().resolve(index.ids().get(i));
      }

      @Override
      public int size() {
        return index.ids().size();
      }
    };
    int c = channels != 0 ? channels : GreyImages.all(files) ? 1 : 3;
    if (size == 0) {
      BufferedImage first = decode(files.get(0));
      return new int[] {c, first.getHeight(), first.getWidth()};
    }
    return new int[] {c, size, size};
  }

  public Path root() {
    return root;
  }

  /** The file that image {@code i} is read from. */
  public Path file(int i) {
    return root.resolve(ids.get(i));
  }

  /** Image {@code i}'s path relative to the folder, '/'-separated. */
  @Override
  public String id(int i) {
    return ids.get(i);
  }

  @Override
  public List<SkippedImage> skipped() {
    return skipped;
  }

  @Override
  public int size() {
    return ids.size();
  }

  @Override
  public void image(int i, float[] dst) {
    byte[] bytes = cache == null ? null : cache.get(i);
    if (bytes == null) {
      bytes = render(decode(file(i)));
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

  /** Decodes {@code file}; an {@link UnreadableImage} when its pixels do not decode. */
  public static BufferedImage decode(Path file) {
    try {
      BufferedImage img = ImageIO.read(file.toFile());
      if (img == null) {
        throw new UnreadableImage(file, "no image reader recognises its content", null);
      }
      return img;
    } catch (IOException e) {
      throw new UnreadableImage(file, String.valueOf(e.getMessage()), e);
    } catch (UnreadableImage e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnreadableImage(file, e.toString(), e);
    }
  }
}
