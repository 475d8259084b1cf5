package org.aucl.augment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Named augmentation presets (a registry from names to configurations; a new preset is one line).
 *
 * <ul>
 *   <li>{@code cifar}: the AUC-CL authors' CIFAR recipe (docs/LOSSES.md, the authors' CIFAR recipe): RandomResizedCrop, scale
 *       (0.08, 1), flip 0.5, jitter (0.4, 0.4, 0.4, 0.1) with p 0.8, grayscale 0.2, CIFAR-10 mean
 *       (0.4914, 0.4822, 0.4465) and std (0.2470, 0.2435, 0.2616).
 *   <li>{@code fashion-mnist}: crop scale (0.6, 1) (small 28x28 garments lose their shape in smaller crops),
 *       flip 0.5, brightness and contrast jitter 0.8 with p 0.8 (saturation and hue mean nothing on one
 *       channel), blur p 0.5 on both views, solarisation p 0 / 0.2 (strong intensity changes stop the
 *       encoder from matching views by their grey-level histogram), Fashion-MNIST mean 0.2860 and std
 *       0.3530; chosen by the experiments of docs/TUNING.md.
 *   <li>{@code imagenet}: SimCLR/BYOL: crop scale (0.08, 1), flip 0.5, jitter (0.4, 0.4, 0.2, 0.1) with
 *       p 0.8, grayscale 0.2, blur (kernel 10% of the output, sigma (0.1, 2)) with p 1.0 / 0.1,
 *       solarisation with p 0 / 0.2 (view 1 / view 2, BYOL), ImageNet mean (0.485, 0.456, 0.406) and
 *       std (0.229, 0.224, 0.225).
 * </ul>
 *
 * Every preset works for any channel count (statistics are repeated or averaged, see
 * {@link Normalize#forChannels}) and any output size.
 */
public final class AugmentPresets {
  private static final Map<String, Supplier<AugmentConfig>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("cifar", AugmentPresets::cifar);
    PRESETS.put("fashion-mnist", AugmentPresets::fashionMnist);
    PRESETS.put("imagenet", AugmentPresets::imagenet);
  }

  private AugmentPresets() {}

  public static Set<String> names() {
    return Collections.unmodifiableSet(PRESETS.keySet());
  }

  public static boolean contains(String name) {
    return PRESETS.containsKey(name);
  }

  /** The configuration of preset {@code name}; adjust it with {@link AugmentConfig#toBuilder()}. */
  public static AugmentConfig config(String name) {
    Supplier<AugmentConfig> f = PRESETS.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown augmentation preset '" + name + "'; known presets: " + String.join(", ", PRESETS.keySet()) + ".");
    }
    return f.get();
  }

  /** Preset {@code name} resolved for the images of {@code ds} (of their own shapes when they vary). */
  public static Augmentation create(String name, org.aucl.data.ImageDataset ds, int outputSize) {
    AugmentConfig c = config(name).toBuilder().optOutputSize(outputSize).build();
    return Augmentation.of(name, c, ImageShape.of(ds), ds.shapesVary());
  }

  /** Preset {@code name} resolved for {@code input} images; {@code outputSize} 0 keeps the input size. */
  public static Augmentation create(String name, ImageShape input, int outputSize) {
    AugmentConfig c = config(name).toBuilder().optOutputSize(outputSize).build();
    return Augmentation.of(name, c, input);
  }

  static AugmentConfig cifar() {
    return AugmentConfig.builder()
        .optScale(0.08, 1.0)
        .optFlip(0.5)
        .optJitter(0.4, 0.4, 0.4, 0.1, 0.8)
        .optGrayscale(0.2)
        .optNormalize(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f})
        .build();
  }

  static AugmentConfig fashionMnist() {
    return AugmentConfig.builder()
        .optScale(0.6, 1.0)
        .optFlip(0.5)
        .optJitter(0.8, 0.8, 0.0, 0.0, 0.8)
        .optBlur(0, 0.1, 2.0, 0.5, 0.5)
        .optSolarize(0.5, 0.0, 0.2)
        .optNormalize(new float[] {0.2860f}, new float[] {0.3530f})
        .build();
  }

  static AugmentConfig imagenet() {
    return AugmentConfig.builder()
        .optScale(0.08, 1.0)
        .optFlip(0.5)
        .optJitter(0.4, 0.4, 0.2, 0.1, 0.8)
        .optGrayscale(0.2)
        .optBlur(0, 0.1, 2.0, 1.0, 0.1)
        .optSolarize(0.5, 0.0, 0.2)
        .optNormalize(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f})
        .build();
  }
}
