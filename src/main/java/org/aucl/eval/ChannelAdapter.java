package org.aucl.eval;

import java.util.List;
import org.aucl.data.ImageDataset;
import org.aucl.data.SkippedImage;
import org.aucl.util.UserException;

/**
 * A dataset seen with the channel count a network was trained on: grey to RGB by repeating the plane,
 * RGB to grey by ITU-R 601-2 luma ({@code 0.299 R + 0.587 G + 0.114 B}, as the image-folder reader).
 */
public final class ChannelAdapter implements ImageDataset {
  private final ImageDataset source;
  private final int channels;

  private ChannelAdapter(ImageDataset source, int channels) {
    this.source = source;
    this.channels = channels;
  }

  /** {@code source} itself when it already has {@code channels} channels, else an adapted view of it. */
  public static ImageDataset adapt(ImageDataset source, int channels) {
    if (source.channels() == channels) {
      return source;
    }
    boolean supported = (source.channels() == 1 && channels == 3) || (source.channels() == 3 && channels == 1);
    if (!supported) {
      throw new UserException("Cannot feed " + source.channels() + "-channel images of " + source.name()
          + " to a network trained on " + channels + "-channel images (only grey and RGB convert).");
    }
    return new ChannelAdapter(source, channels);
  }

  @Override
  public String name() {
    return source.name() + (channels == 3 ? "[grey as RGB]" : "[RGB as grey]");
  }

  @Override
  public int size() {
    return source.size();
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return source.height();
  }

  @Override
  public int width() {
    return source.width();
  }

  @Override
  public boolean shapesVary() {
    return source.shapesVary();
  }

  @Override
  public int height(int i) {
    return source.height(i);
  }

  @Override
  public int width(int i) {
    return source.width(i);
  }

  @Override
  public void image(int i, float[] dst) {
    int plane = height(i) * width(i);
    float[] src = source.image(i);
    if (channels == 3) {
      for (int c = 0; c < 3; c++) {
        System.arraycopy(src, 0, dst, c * plane, plane);
      }
    } else {
      for (int k = 0; k < plane; k++) {
        dst[k] = 0.299f * src[k] + 0.587f * src[plane + k] + 0.114f * src[2 * plane + k];
      }
    }
  }

  @Override
  public int label(int i) {
    return source.label(i);
  }

  @Override
  public List<String> classNames() {
    return source.classNames();
  }

  @Override
  public String id(int i) {
    return source.id(i);
  }

  @Override
  public List<SkippedImage> skipped() {
    return source.skipped();
  }
}
