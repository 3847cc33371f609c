package dev.newsticker.desk;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermIdsTest {

  /** Terms come and go as the window moves: the table answers as a map would, through growth and removals. */
  @Test
  void answersAsAMapThroughPutsAndRemovals() {
    TermIds table = new TermIds();
    Map<String, Integer> expected = new HashMap<>();
    Random random = new Random(11);
    for (int step = 0; step < 200_000; step++) {
      // few distinct terms, so removals hit long probe runs; "Aa" and "BB" share a hash code
      String term = (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(6_000);
      Integer id = expected.get(term);
      if (id == null && random.nextInt(3) > 0) {
        table.put(term, step);
        expected.put(term, step);
      } else if (id != null && random.nextBoolean()) {
        table.remove(term);
        expected.remove(term);
      }
      assertEquals(expected.getOrDefault(term, -1), table.get(term), term);
    }
    expected.forEach((term, id) -> assertEquals(id, table.get(term), term));
    assertEquals(-1, table.get("absent"));
  }
}
