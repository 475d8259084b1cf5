package org.aucl.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The crops of multi-crop training (Caron et al. 2020, as used by DINO): 2 global crops and
 * {@code localCrops} local ones, each a {@link RandomResizedCrop} with its own scale range and output
 * side, followed by the rest of an {@link AugmentConfig}'s pipeline (flip, jitter, grayscale, blur,
 * solarise, normalise).
 *
 * <p>Global crop 0 uses the base configuration's view-0 probabilities of blur and solarisation, global
 * crop 1 its view-1 probabilities (DINO's asymmetry), and every local crop the view-0 ones. (DINO's own
 * recipe blurs local crops with probability 0.5, global ones with 1.0 and 0.1; a preset chooses that.)
 *
 * @param globalSize side of the global crops (DINO: 224; 28 for Fashion-MNIST)
 * @param globalScaleMin smallest fraction of the image a global crop covers (DINO: 0.4)
 * @param globalScaleMax largest fraction (1)
 * @param localCrops number of local crops, c >= 0 (DINO: 8)
 * @param localSize side of the local crops (DINO: 96; e.g. 12 for Fashion-MNIST)
 * @param localScaleMin smallest fraction of the image a local crop covers (DINO: 0.05)
 * @param localScaleMax largest fraction (DINO: 0.4)
 */
public record MultiCropConfig(
    int globalSize, double globalScaleMin, double globalScaleMax, int localCrops, int localSize,
    double localScaleMin, double localScaleMax) {

  public MultiCropConfig {
    if (globalSize < 1 || localSize < 1 || localSize > org.aucl.data.DatasetOptions.MAX_IMAGE_SIZE) {
      throw new IllegalArgumentException("crop sizes must be between 1 and " + org.aucl.data.DatasetOptions.MAX_IMAGE_SIZE
          + " pixels, got global " + globalSize + " and local " + localSize + ".");
    }
    if (localCrops < 0) {
      throw new IllegalArgumentException("the number of local crops must be >= 0, got " + localCrops + ".");
    }
    // RandomResizedCrop checks each scale range
    new RandomResizedCrop(globalSize, globalSize, globalScaleMin, globalScaleMax, 0.75, 4.0 / 3.0);
    new RandomResizedCrop(localSize, localSize, localScaleMin, localScaleMax, 0.75, 4.0 / 3.0);
  }

  /** DINO's scale ranges (global 0.4-1, local 0.05-0.4) with the given sizes and number of local crops. */
  public static MultiCropConfig of(int globalSize, int localCrops, int localSize) {
    return new MultiCropConfig(globalSize, 0.4, 1.0, localCrops, localSize, 0.05, 0.4);
  }

  /** The two global crops' transforms for images of shape {@code in}. */
  public List<ViewTransform> globals(AugmentConfig base, ImageShape in) {
    AugmentConfig g = base.toBuilder().optOutputSize(globalSize).optScale(globalScaleMin, globalScaleMax).build();
    return List.of(g.view(0, in), g.view(1, in));
  }

  /** The local crops' transforms (one shared transform, {@code localCrops} times). */
  public List<ViewTransform> locals(AugmentConfig base, ImageShape in) {
    AugmentConfig l = base.toBuilder().optOutputSize(localSize).optScale(localScaleMin, localScaleMax).build();
    return new ArrayList<>(Collections.nCopies(localCrops, l.view(0, in)));
  }
}
