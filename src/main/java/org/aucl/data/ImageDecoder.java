package org.aucl.data;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file to 8-bit pixels as torchvision's folder reader gets them
 * ({@code PIL.Image.open(f).convert("RGB")}, or {@code "L"} for one channel).
 *
 * <p>Readers: the JDK's first (its JPEG decoder is the faster, docs/DEPENDENCIES.md), and TwelveMonkeys'
 * JPEG reader where the JDK's fails or leaves the colours as CMYK (CMYK and YCCK JPEGs, which it then
 * converts as PIL does). Pixels: grey images are read from the raster ({@code getRGB} would treat the
 * samples as linear light and brighten them: grey 68 came out 141), 16-bit samples scaled to 8 bits
 * by their top byte as PIL does, alpha dropped (PIL's {@code convert("RGB")} drops it too).
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /** Decodes {@code file}; an {@link UnreadableImage} when its pixels do not decode. */
  public static BufferedImage read(Path file) {
    List<ImageReader> readers = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new UnreadableImage(file, "it cannot be opened", null);
      }
      Iterator<ImageReader> it = ImageIO.getImageReaders(in);
      while (it.hasNext()) {
        readers.add(it.next());
      }
      if (readers.isEmpty()) {
        throw new UnreadableImage(file, "no image reader recognises its content", null);
      }
      // The JDK's reader first; TwelveMonkeys' after it.
      readers.sort((a, b) -> Boolean.compare(a instanceof JPEGImageReader, b instanceof JPEGImageReader));
      RuntimeException firstFailure = null;
      IOException firstIo = null;
      for (ImageReader reader : readers) {
        try {
          in.seek(0);
          reader.setInput(in, true, true);
          BufferedImage img = reader.read(0, reader.getDefaultReadParam());
          if (isCmyk(img) && !(reader instanceof JPEGImageReader) && readers.size() > 1) {
            continue; // the JDK reads CMYK samples but not their colours
          }
          return img;
        } catch (IOException e) {
          firstIo = firstIo == null ? e : firstIo;
        } catch (RuntimeException e) {
          firstFailure = firstFailure == null ? e : firstFailure;
        } finally {
          reader.dispose();
        }
      }
      if (firstIo != null) {
        throw new UnreadableImage(file, String.valueOf(firstIo.getMessage()), firstIo);
      }
      throw new UnreadableImage(file, String.valueOf(firstFailure), firstFailure);
    } catch (IOException e) {
      throw new UnreadableImage(file, String.valueOf(e.getMessage()), e);
    } catch (UnreadableImage e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnreadableImage(file, e.toString(), e);
    }
  }

  private static boolean isCmyk(BufferedImage img) {
    return img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
  }

  /**
   * The pixels of {@code img} as {@code channels x height x width} bytes: 3 channels as PIL's
   * {@code convert("RGB")}, 1 as its {@code convert("L")} (ITU-R 601-2 luma of colour images).
   */
  public static byte[] pixels(BufferedImage img, int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    int w = img.getWidth();
    int h = img.getHeight();
    int plane = w * h;
    byte[] out = new byte[channels * plane];
    ColorModel cm = img.getColorModel();
    if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      grey(img.getRaster(), cm.getComponentSize(0), out, channels, plane);
    } else if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
        && img.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel
        && img.getRaster().getDataBuffer().getOffset() == 0 && img.getRaster().getParent() == null) {
      bgr(img, out, channels, plane);
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          put(out, channels, plane, y * w + x, (row[x] >>> 16) & 0xFF, (row[x] >>> 8) & 0xFF, row[x] & 0xFF);
        }
      }
    }
    return out;
  }

  /** Band 0 of a grey raster (alpha, if any, is band 1), scaled to 8 bits. */
  private static void grey(Raster r, int bits, byte[] out, int channels, int plane) {
    int w = r.getWidth();
    int[] row = new int[w];
    int max = (1 << bits) - 1;
    for (int y = 0; y < r.getHeight(); y++) {
      r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int v = row[x];
        int g = bits == 8 ? v : bits > 8 ? v >>> (bits - 8) : (v * 255 + max / 2) / max;
        byte b = (byte) g;
        int p = y * w + x;
        out[p] = b;
        if (channels == 3) {
          out[plane + p] = b;
          out[2 * plane + p] = b;
        }
      }
    }
  }

  /** The JDK JPEG reader's usual layout, read straight from its bytes. */
  private static void bgr(BufferedImage img, byte[] out, int channels, int plane) {
    PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) img.getRaster().getSampleModel();
    byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    int[] offsets = sm.getBandOffsets();
    int stride = sm.getScanlineStride();
    int step = sm.getPixelStride();
    int w = img.getWidth();
    for (int y = 0; y < img.getHeight(); y++) {
      int s = y * stride;
      for (int x = 0; x < w; x++, s += step) {
        put(out, channels, plane, y * w + x, data[s + offsets[0]] & 0xFF, data[s + offsets[1]] & 0xFF, data[s + offsets[2]] & 0xFF);
      }
    }
  }

  private static void put(byte[] out, int channels, int plane, int p, int r, int g, int b) {
    if (channels == 3) {
      out[p] = (byte) r;
      out[plane + p] = (byte) g;
      out[2 * plane + p] = (byte) b;
    } else {
      // PIL's convert("L"): ITU-R 601-2 luma in 16-bit fixed point, rounded.
      out[p] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
    }
  }
}
