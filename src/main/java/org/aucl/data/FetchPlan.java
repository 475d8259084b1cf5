package org.aucl.data;

import java.util.List;
import java.util.Optional;

/**
 * Where each known dataset is published and what its files' MD5 checksums are (taken from torchvision's
 * dataset classes, and for the CIFAR binary versions from https://www.cs.toronto.edu/~kriz/cifar.html).
 *
 * @param baseUrl the URL that file names are appended to (ends with '/')
 * @param files the files to download, with their MD5
 * @param archive true when the files are tar.gz archives to extract into the dataset directory
 * @param debianPackage the Debian package that installs it into /usr/share/datasets/NAME, or null
 */
public record FetchPlan(String name, String baseUrl, List<Resource> files, boolean archive, String debianPackage) {

  /** One published file and its MD5 (lower-case hex). */
  public record Resource(String file, String md5) {}

  public static final List<FetchPlan> ALL = List.of(
      new FetchPlan("fashion-mnist", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", List.of(
          new Resource("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
          new Resource("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
          new Resource("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
          new Resource("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310")), false,
          "dataset-fashion-mnist"),
      new FetchPlan("mnist", "https://ossci-datasets.s3.amazonaws.com/mnist/", List.of(
          new Resource("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
          new Resource("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
          new Resource("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
          new Resource("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c")), false, null),
      new FetchPlan("cifar10", "https://www.cs.toronto.edu/~kriz/", List.of(
          new Resource("cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530")), true, null),
      new FetchPlan("cifar100", "https://www.cs.toronto.edu/~kriz/", List.of(
          new Resource("cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8")), true, null),
      new FetchPlan("stl10", "http://ai.stanford.edu/~acoates/stl10/", List.of(
          new Resource("stl10_binary.tar.gz", "91f7769df0f17e558f3565bffb0c7dfb")), true, null));

  public static Optional<FetchPlan> forName(String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
  }

  /** The same plan with another base URL (a mirror, a local server in tests); a '/' is appended if missing. */
  public FetchPlan withBaseUrl(String url) {
    return new FetchPlan(name, url.endsWith("/") ? url : url + "/", files, archive, debianPackage);
  }

  public List<String> fileNames() {
    return files.stream().map(Resource::file).toList();
  }
}
