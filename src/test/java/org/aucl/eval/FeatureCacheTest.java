package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.aucl.data.SyntheticDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
  @TempDir Path tmp;

  private static Features some(float shift) {
    return new Features(new float[] {1 + shift, 2, 3, 4, 5, 6}, 3, 2, new int[] {0, 1, 0});
  }

  private static FeatureKey key(String checkpoint, String split) {
    return new FeatureKey(checkpoint, "data-id", split, "Normalize(mean=[0.5])", FeatureHead.ENCODER);
  }

  @Test
  void computesOnceThenReadsWhatItWrote() {
    FeatureCache cache = new FeatureCache(tmp.resolve("features"));
    AtomicInteger computed = new AtomicInteger();
    Features first = cache.get(key("ck1", "train"), () -> {
      computed.incrementAndGet();
      return some(0);
    });
    Features second = cache.get(key("ck1", "train"), () -> {
      computed.incrementAndGet();
      return some(100);
    });
    assertEquals(1, computed.get());
    assertArrayEquals(first.data(), second.data());
    assertArrayEquals(first.labels(), second.labels());
    assertTrue(Files.isRegularFile(cache.file(key("ck1", "train"))));
  }

  @Test
  void anotherCheckpointSplitOrHeadIsAnotherEntry() {
    FeatureCache cache = new FeatureCache(tmp);
    cache.get(key("ck1", "train"), () -> some(0));
    assertEquals(101f, cache.get(key("ck2", "train"), () -> some(100)).data()[0]);
    assertEquals(201f, cache.get(key("ck1", "test"), () -> some(200)).data()[0]);
    FeatureKey projector = new FeatureKey("ck1", "data-id", "train", "Normalize(mean=[0.5])", FeatureHead.PROJECTOR);
    assertEquals(301f, cache.get(projector, () -> some(300)).data()[0]);
    assertEquals(1f, cache.get(key("ck1", "train"), () -> some(400)).data()[0], "the first entry is intact");
  }

  @Test
  void aDamagedFileIsRecomputedAndReplaced() throws Exception {
    FeatureCache cache = new FeatureCache(tmp);
    cache.get(key("ck1", "train"), () -> some(0));
    Path f = cache.file(key("ck1", "train"));
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    assertEquals(8f, cache.get(key("ck1", "train"), () -> some(7)).data()[0]);
    assertEquals(8f, cache.get(key("ck1", "train"), () -> some(9)).data()[0]);
  }

  @Test
  void checkpointHashFollowsTheFilesContent() throws Exception {
    Path ck = Files.createDirectories(tmp.resolve("ck"));
    Files.write(ck.resolve("model.bin"), new byte[] {1, 2, 3});
    Files.writeString(ck.resolve("state.json"), "{}");
    String before = FeatureKey.hashFolder(ck);
    assertEquals(before, FeatureKey.hashFolder(ck));
    Files.write(ck.resolve("model.bin"), new byte[] {1, 2, 4});
    assertNotEquals(before, FeatureKey.hashFolder(ck));
  }

  @Test
  void datasetIdentitySeesOtherImagesOrLabels() {
    String a = FeatureKey.identify(new SyntheticDataset("s", 50, 16, 1, 3, 1));
    assertEquals(a, FeatureKey.identify(new SyntheticDataset("s", 50, 16, 1, 3, 1)));
    assertNotEquals(a, FeatureKey.identify(new SyntheticDataset("s", 50, 16, 1, 3, 2)), "another seed draws other images");
    assertNotEquals(a, FeatureKey.identify(new SyntheticDataset("s", 50, 16, 1, 4, 1)));
  }
}
