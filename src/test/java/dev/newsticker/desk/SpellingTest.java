package dev.newsticker.desk;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpellingTest {

  @Test
  void oneEditOfAnyKindIsATypo() {
    assertTrue(Spelling.isTypo("beunos", "buenos", 1, 5));
    assertTrue(Spelling.isTypo("detaild", "detailed", 1, 5));
    assertTrue(Spelling.isTypo("detailed", "detaild", 1, 5));
    assertTrue(Spelling.isTypo("kestrel", "kestral", 1, 5));
    assertFalse(Spelling.isTypo("kestrel", "kastral", 1, 5));
    assertFalse(Spelling.isTypo("iran", "iraq", 1, 5));
  }

  /** The shortcut for one edit decides as the full distance does. */
  @Test
  void shortcutAgreesWithTheDistance() {
    Random random = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      String a = word(random);
      String b = edit(edit(a, random), random);
      boolean expected = Math.abs(a.length() - b.length()) <= 1 && Spelling.distance(a, b) <= 1;
      assertEquals(expected, Spelling.isTypo(a, b, 1, 0), a + " / " + b);
    }
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(9);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(3)));
    }
    return word.toString();
  }

  /** The word with one random edit, or none. */
  private static String edit(String word, Random random) {
    StringBuilder edited = new StringBuilder(word);
    int at = random.nextInt(word.length() + 1);
    char letter = (char) ('a' + random.nextInt(3));
    switch (random.nextInt(5)) {
      case 0 -> edited.insert(at, letter);
      case 1 -> {
        if (at < word.length()) {
          edited.deleteCharAt(at);
        }
      }
      case 2 -> {
        if (at < word.length()) {
          edited.setCharAt(at, letter);
        }
      }
      case 3 -> {
        if (at + 1 < word.length()) {
          edited.setCharAt(at, word.charAt(at + 1));
          edited.setCharAt(at + 1, word.charAt(at));
        }
      }
      default -> {
      }
    }
    return edited.toString();
  }
}
