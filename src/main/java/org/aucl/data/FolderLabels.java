package org.aucl.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an image folder's sub-folders are read ({@code --labels}). */
public enum FolderLabels {
  /** One sub-folder per class (torchvision's ImageFolder); a folder without sub-folders is unlabeled. */
  FOLDERS,
  /** Every image under the folder, at any depth, unlabeled: sub-folders are only where files are kept. */
  NONE;

  @JsonCreator
  public static FolderLabels parse(String s) {
    return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
      case "folders" -> FOLDERS;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException(
          "--labels must be folders (one sub-folder per class) or none (no labels), got '" + s + "'.");
    };
  }

  @JsonValue
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
