package org.aucl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The published class-name lists of the known datasets, in label order, and reading them from files. */
public final class ClassNames {
  private ClassNames() {}

  public static final List<String> MNIST = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  public static final List<String> FASHION_MNIST = List.of(
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  public static final List<String> CIFAR10 = List.of(
      "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  public static final List<String> CIFAR100_FINE = List.of(
      "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
      "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
      "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
      "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
      "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain",
      "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
      "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
      "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider",
      "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger",
      "tractor", "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");

  public static final List<String> CIFAR100_COARSE = List.of(
      "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
      "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
      "large_man-made_outdoor_things", "large_natural_outdoor_scenes", "large_omnivores_and_herbivores",
      "medium_mammals", "non-insect_invertebrates", "people", "reptiles", "small_mammals", "trees",
      "vehicles_1", "vehicles_2");

  public static final List<String> STL10 = List.of(
      "airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck");

  /** The names listed in {@code file} when it exists and lists exactly as many as {@code known}, else {@code known}. */
  static List<String> fromFileOr(Path file, List<String> known) {
    if (file != null && Files.isRegularFile(file)) {
      List<String> names = DataFiles.readNames(file);
      if (names.size() == known.size()) {
        return List.copyOf(names);
      }
    }
    return known;
  }
}
