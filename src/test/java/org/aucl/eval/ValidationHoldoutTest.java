package org.aucl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.aucl.data.SubsetDataset;
import org.aucl.data.SyntheticDataset;
import org.aucl.util.UserException;
import org.junit.jupiter.api.Test;

class ValidationHoldoutTest {
  @Test
  void holdsOutTheSameClassBalancedImagesEveryTime() {
    SyntheticDataset split = new SyntheticDataset("s/train", 600, 8, 1, 6, 3);
    ValidationHoldout h = ValidationHoldout.of(split, 60);
    assertEquals(540, h.training().size());
    assertEquals(60, h.validation().size());
    int[] perClass = new int[6];
    Set<Integer> seen = new HashSet<>();
    for (var part : new SubsetDataset[] {(SubsetDataset) h.training(), (SubsetDataset) h.validation()}) {
      for (int i = 0; i < part.size(); i++) {
        assertTrue(seen.add(part.sourceIndex(i)), "an image in both parts");
        if (part == h.validation()) {
          perClass[part.label(i)]++;
        }
      }
    }
    assertEquals(600, seen.size());
    for (int c : perClass) {
      assertEquals(10, c, "ten of each class's hundred");
    }
    ValidationHoldout again = ValidationHoldout.of(new SyntheticDataset("s/train", 600, 8, 1, 6, 3), 60);
    for (int i = 0; i < 60; i++) {
      assertEquals(((SubsetDataset) h.validation()).sourceIndex(i), ((SubsetDataset) again.validation()).sourceIndex(i));
    }
  }

  @Test
  void tooManyOrNoLabelsAreRefused() {
    SyntheticDataset split = new SyntheticDataset("s/train", 100, 8, 1, 4, 3);
    UserException all = assertThrows(UserException.class, () -> ValidationHoldout.of(split, 100));
    assertTrue(all.getMessage().contains("would hold out all 100"), all.getMessage());
  }
}
