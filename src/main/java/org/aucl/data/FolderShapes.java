package org.aucl.data;

/**
 * The shapes a folder's images come out at, from their headers: each image's own height and width, or
 * torchvision's {@code Resize(N)} of it when its short side is longer than N; and the nominal square
 * {@link ImageDataset#height()} gives when they differ (the first image's short side).
 *
 * @param bytes what keeping every decoded image takes
 */
record FolderShapes(int channels, int[] heights, int[] widths, boolean vary, int nominalHeight, int nominalWidth, long bytes) {

  static FolderShapes of(FolderIndex index, int shortSide, int channels) {
    int n = index.ids().size();
    int[] hs = new int[n];
    int[] ws = new int[n];
    boolean vary = false;
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      int[] hw = shortSide(index.heights()[i], index.widths()[i], shortSide);
      hs[i] = hw[0];
      ws[i] = hw[1];
      vary |= hs[i] != hs[0] || ws[i] != ws[0];
      bytes += (long) channels * hs[i] * ws[i];
    }
    int side = Math.min(hs[0], ws[0]);
    return new FolderShapes(channels, hs, ws, vary, vary ? side : hs[0], vary ? side : ws[0], bytes);
  }

  /**
   * Height and width of an {@code h x w} image after torchvision's {@code Resize(side)} (the short side
   * becomes {@code side}, the long one {@code (int) (side * long / short)}), applied only to shrink; 0
   * keeps the size.
   */
  static int[] shortSide(int h, int w, int side) {
    int shortest = Math.min(h, w);
    if (side == 0 || shortest <= side) {
      return new int[] {h, w};
    }
    int longer = (int) ((double) side * Math.max(h, w) / shortest);
    return w <= h ? new int[] {longer, side} : new int[] {side, longer};
  }
}
