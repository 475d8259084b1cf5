package org.aucl.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.aucl.util.UserException;

/**
 * Images in a folder, decoded lazily ({@link ImageDecoder}: PNG, JPEG including CMYK and YCCK, BMP, GIF)
 * and kept at their own shapes, {@code channels x height(i) x width(i)} ({@link #shapesVary()} when they
 * differ), optionally downscaled once to a short side ({@link DatasetOptions#shortSide}).
 *
 * <p>With {@link FolderLabels#FOLDERS} a folder with sub-folders is labelled: one sub-folder per class,
 * classes in sorted name order, images found at any depth inside each. A folder with no sub-folders,
 * or any folder read with {@link FolderLabels#NONE}, is unlabeled: every image at any depth. Each image
 * is named by its path relative to the folder ({@link #id}). Files whose headers do not read are
 * refused or left out when the folder is indexed ({@link BadImages}). Decoded images are kept as bytes
 * when the whole set fits in a quarter of the heap, at least 1 GiB (and {@link DatasetOptions#keepDecoded}), so later epochs do not
 * decode again.
 */
public final class ImageFolderDataset extends ShapedImageDataset {
  /** Decoded images are kept when all of them fit in this: a quarter of the heap, at least 1 GiB. */
  private static final long MAX_CACHE_BYTES = Math.max(1L << 30, Runtime.getRuntime().maxMemory() / 4);

  private final Path root;
  private final List<String> ids;
  private final int[] labels;
  private final List<SkippedImage> skipped;
  private final BadImages onBadImage;
  private final boolean verified;
  private final AtomicReferenceArray<byte[]> cache;
  private final int shortSide;
  /** Each image's height and width as it comes out (after the short side). */
  private final int[] heights;
  private final int[] widths;
  private final boolean shapesVary;

  /**
   * @param shortSide 0 keeps each image's size; N downscales those with a longer short side to N
   * @param channels 1 (grayscale, ITU-R 601 luma), 3 (RGB), or 0: 1 when the images are stored grey
   *     ({@link GreyImages}), else 3
   */
  public ImageFolderDataset(String name, Path root, int shortSide, int channels) {
    this(name, root, DatasetOptions.DEFAULTS.withShortSide(shortSide).withChannels(channels));
  }

  /** The folder {@code root} read as {@code options} say (image size, channels, labels, bad files, keeping). */
  public ImageFolderDataset(String name, Path root, DatasetOptions options) {
    this(name, FolderIndex.of(root, options.labels(), options.onBadImage()), options);
  }

  private ImageFolderDataset(String name, FolderIndex index, DatasetOptions options) {
    this(name, index, options, FolderShapes.of(index, options.shortSide(), channels(index, options.channels())));
  }

  private ImageFolderDataset(String name, FolderIndex index, DatasetOptions options, FolderShapes shapes) {
    super(name, shapes.channels(), shapes.nominalHeight(), shapes.nominalWidth(), index.classNames());
    this.root = index.root();
    this.ids = index.ids();
    this.labels = index.labels();
    this.skipped = index.skipped();
    this.onBadImage = options.onBadImage();
    this.verified = false;
    this.shortSide = options.shortSide();
    this.heights = shapes.heights();
    this.widths = shapes.widths();
    this.shapesVary = shapes.vary();
    this.cache = options.keepDecoded() && shapes.bytes() <= MAX_CACHE_BYTES ? new AtomicReferenceArray<>(ids.size()) : null;
  }

  /** {@code from} without the images {@code bad} (sorted), their decoded bytes carried over. */
  private ImageFolderDataset(ImageFolderDataset from, List<Integer> bad, List<SkippedImage> alsoSkipped) {
    super(from.name(), from.channels(), from.height(), from.width(), from.classNames());
    this.root = from.root;
    this.onBadImage = from.onBadImage;
    this.verified = true;
    this.shortSide = from.shortSide;
    int kept = from.size() - bad.size();
    this.heights = new int[kept];
    this.widths = new int[kept];
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
      heights[keptIds.size()] = from.heights[i];
      widths[keptIds.size()] = from.widths[i];
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
    this.shapesVary = from.shapesVary;
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
          byte[] bytes = render(i);
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

  /** The channels images come out with: as asked, or 1 when the sampled headers are all grey. */
  private static int channels(FolderIndex index, int channels) {
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 0 (from the images), 1 or 3, got " + channels);
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
    return channels != 0 ? channels : GreyImages.all(files) ? 1 : 3;
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
  public boolean shapesVary() {
    return shapesVary;
  }

  @Override
  public int height(int i) {
    return heights[i];
  }

  @Override
  public int width(int i) {
    return widths[i];
  }

  @Override
  public void image(int i, float[] dst) {
    byte[] bytes = cache == null ? null : cache.get(i);
    if (bytes == null) {
      bytes = render(i);
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

  /** Image {@code i} decoded, as CHW bytes at its shape (downscaled to the short side when asked). */
  private byte[] render(int i) {
    Path file = file(i);
    BufferedImage img = ImageDecoder.read(file);
    int h = heights[i];
    int w = widths[i];
    int sh = img.getHeight();
    int sw = img.getWidth();
    int[] expected = FolderShapes.shortSide(sh, sw, shortSide);
    if (expected[0] != h || expected[1] != w) {
      throw new UnreadableImage(file, "its pixels are " + sw + " x " + sh + " but its header said otherwise", null);
    }
    byte[] pixels = ImageDecoder.pixels(img, channels());
    if (sh == h && sw == w) {
      return pixels;
    }
    int c = channels();
    float[] src = new float[pixels.length];
    PackedImages.toUnit(pixels, 0, pixels.length, src);
    float[] dst = new float[c * h * w];
    Antialiased.resample(src, c, sh, sw, 0, 0, sh, sw, dst, h, w, ResampleFilter.BILINEAR, WorkArrays.fresh());
    byte[] out = new byte[dst.length];
    for (int k = 0; k < dst.length; k++) {
      out[k] = (byte) Math.min(255, Math.max(0, Math.round(dst[k] * 255f)));
    }
    return out;
  }
}
