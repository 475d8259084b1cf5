package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

class FewShotTest {
  private static final Features TEST = SyntheticFeatures.clustered(1200, 16, 8, 0.3, 5);

  @Test
  void wellSeparatedClustersAreAlmostAllRight() {
    FewShot.Result r = FewShot.evaluate(TEST, 5, 1, 15, 100, 1);
    assertTrue(r.nearestMean().mean() > 0.98, "nearest mean " + r.nearestMean());
    assertTrue(r.logistic().mean() > 0.98, "logistic " + r.logistic());
  }

  @Test
  void shuffledLabelsGiveChance() {
    // 5 ways: chance is 20%; 300 episodes of 75 queries put the standard error near 0.5 points
    Features shuffled = SyntheticFeatures.shuffledLabels(TEST, 9);
    FewShot.Result r = FewShot.evaluate(shuffled, 5, 5, 15, 300, 1);
    assertEquals(0.20, r.nearestMean().mean(), 0.03);
    assertEquals(0.20, r.logistic().mean(), 0.03);
    assertTrue(r.nearestMean().halfWidth() < 0.03);
  }

  @Test
  void episodesAreSeededAndSupportAndQueriesDisjoint() {
    FewShotEpisodes a = new FewShotEpisodes(TEST.labels(), 5, 5, 15, 3);
    FewShotEpisodes b = new FewShotEpisodes(TEST.labels(), 5, 5, 15, 3);
    for (int e = 0; e < 20; e++) {
      FewShotEpisodes.Episode x = a.episode(e);
      assertArrayEquals(x.support(), b.episode(e).support());
      assertArrayEquals(x.query(), b.episode(e).query());
      Set<Integer> rows = new HashSet<>();
      Set<Integer> classes = new HashSet<>();
      for (int i = 0; i < x.support().length; i++) {
        rows.add(x.support()[i]);
        classes.add(TEST.labels()[x.support()[i]]);
        assertEquals(TEST.labels()[x.support()[0 + x.supportLabels()[i] * 5]], TEST.labels()[x.support()[i]]);
      }
      for (int q : x.query()) {
        assertTrue(rows.add(q), "query " + q + " is also in the support or drawn twice");
      }
      assertEquals(5, classes.size(), "five distinct classes");
    }
    FewShotEpisodes.Episode other = new FewShotEpisodes(TEST.labels(), 5, 5, 15, 4).episode(0);
    assertTrue(!java.util.Arrays.equals(other.query(), a.episode(0).query()), "another seed, other episodes");
  }

  @Test
  void tooFewClassesOrImagesAreRefusedInOneSentence() {
    UserException tooFew = assertThrows(UserException.class, () -> new FewShotEpisodes(TEST.labels(), 5, 200, 15, 1));
    assertTrue(tooFew.getMessage().contains("at least 215 images"), tooFew.getMessage());
    assertThrows(UserException.class, () -> new FewShotEpisodes(TEST.labels(), 9, 1, 15, 1));
    assertThrows(UserException.class, () -> new FewShotEpisodes(TEST.labels(), 1, 1, 15, 1));
  }

  @Test
  void intervalIsOnePointNineSixStandardErrors() {
    // values 0, 1, 0, 1: mean 0.5, sample sd sqrt(1/3), standard error sqrt(1/3)/2
    MeanInterval m = MeanInterval.of(new double[] {0, 1, 0, 1});
    assertEquals(0.5, m.mean(), 1e-12);
    assertEquals(1.96 * Math.sqrt(1.0 / 3) / 2, m.halfWidth(), 1e-12);
    assertEquals("50.00 ± 56.58", MeanInterval.of(new double[] {0, 1, 0, 1}).percent());
  }
}
