package org.aucl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.aucl.util.UserException;

/**
 * What an image folder holds: its readable image files as paths relative to it ('/'-separated, in
 * that order: class folder by class folder when sub-folders are classes, else every file in path
 * order), their labels, the class names, and the files left out as unreadable.
 *
 * @param ids readable images, relative to the root
 * @param labels their classes, or null when unlabeled
 * @param skipped unreadable files left out ({@link BadImages#SKIP})
 * @param heights each image's stored height, from its header
 * @param widths each image's stored width
 */
record FolderIndex(
    Path root, List<String> ids, int[] labels, List<String> classNames, List<SkippedImage> skipped, int[] heights, int[] widths) {
  static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  /** Lists {@code root} and reads every file's header; refuses or skips unreadable ones per {@code bad}. */
  static FolderIndex of(Path root, FolderLabels labelMode, BadImages bad) {
    return scan(root, labelMode, bad);
  }

  private static FolderIndex scan(Path root, FolderLabels labelMode, BadImages bad) {
    if (!Files.isDirectory(root)) {
      throw new UserException("Image folder " + root + " does not exist or is not a directory.");
    }
    List<Path> children = list(root);
    List<Path> classDirs = children.stream().filter(Files::isDirectory).sorted().toList();
    boolean classes = labelMode == FolderLabels.FOLDERS && !classDirs.isEmpty();
    List<String> ids = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<SkippedImage> skipped = new ArrayList<>();
    List<int[]> sizes = new ArrayList<>();
    if (classes) {
      long loose = children.stream().filter(FolderIndex::isImage).count();
      if (loose > 0) {
        throw new UserException("Image folder " + root + " holds " + loose + " image file" + (loose == 1 ? "" : "s")
            + " beside its class folders; move them into a class folder, or read the folder unlabeled with --labels none.");
      }
      for (Path dir : classDirs) {
        int before = ids.size();
        for (String id : readable(root, walkImages(root, dir), bad, skipped, sizes)) {
          ids.add(id);
          labels.add(names.size());
        }
        if (ids.size() == before) {
          throw new UserException("Class folder " + dir + " holds no readable image files (" + String.join(", ", EXTENSIONS)
              + "); remove it, or read the folder unlabeled with --labels none.");
        }
        names.add(dir.getFileName().toString());
      }
    } else {
      ids.addAll(readable(root, walkImages(root, root), bad, skipped, sizes));
    }
    if (ids.isEmpty()) {
      throw new UserException("Image folder " + root + " holds no readable image files (" + String.join(", ", EXTENSIONS) + ")"
          + (skipped.isEmpty() ? "." : "; " + skipped.size() + " could not be read."));
    }
    int[] l = classes ? labels.stream().mapToInt(Integer::intValue).toArray() : null;
    int[] heights = sizes.stream().mapToInt(hw -> hw[0]).toArray();
    int[] widths = sizes.stream().mapToInt(hw -> hw[1]).toArray();
    return new FolderIndex(root, List.copyOf(ids), l, List.copyOf(names), List.copyOf(skipped), heights, widths);
  }

  /** The ids of {@code files} (relative to root, in path order) whose headers read; their sizes added to {@code sizes}. */
  private static List<String> readable(
      Path root, List<Path> files, BadImages bad, List<SkippedImage> skipped, List<int[]> sizes) {
    List<String> ok = new ArrayList<>(files.size());
    for (Path f : files) {
      String id = id(root, f);
      ImageHeaders.Header header = ImageHeaders.read(f);
      String problem = header.problem();
      if (problem == null) {
        ok.add(id);
        sizes.add(new int[] {header.height(), header.width()});
      } else if (bad == BadImages.SKIP) {
        skipped.add(new SkippedImage(id, problem));
      } else {
        throw new UserException("Cannot read image " + f + ": " + problem
            + "; remove it, or leave such files out with --on-bad-image skip.");
      }
    }
    return ok;
  }

  /** {@code file} relative to {@code root}, with '/' between folders on every system. */
  static String id(Path root, Path file) {
    Path rel = root.relativize(file);
    StringBuilder s = new StringBuilder();
    for (Path part : rel) {
      if (s.length() > 0) {
        s.append('/');
      }
      s.append(part);
    }
    return s.toString();
  }

  static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith) && Files.isRegularFile(p);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    } catch (IOException e) {
      throw new UserException("Cannot list image folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  /** Image files under {@code dir} at any depth, hidden files and folders left out, in id order. */
  private static List<Path> walkImages(Path root, Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !hidden(dir, p)).filter(FolderIndex::isImage)
          .sorted(Comparator.comparing(p -> id(root, p))).toList();
    } catch (IOException e) {
      throw new UserException("Cannot list image folder " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  private static boolean hidden(Path dir, Path p) {
    for (Path part : dir.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
