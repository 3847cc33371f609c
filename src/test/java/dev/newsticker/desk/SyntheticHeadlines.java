package dev.newsticker.desk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Headlines shaped like a wire's, for benchmarks: names and words drawn from Zipf-like
 * distributions (a few very common, a long tail of rare ones), a figure now and then, and
 * revisions of a headline (a dropped word, a changed figure, a swapped word).
 */
final class SyntheticHeadlines {
  private static final String[] SYLLABLES = {"ka", "lo", "ven", "dra", "mi", "sol", "ter", "an", "bu", "rik",
    "es", "ma", "tho", "gri", "no", "pel", "si", "var", "un", "che", "za", "lin", "oro", "fe", "dak"};
  private static final String[] LINKS = {"in", "after", "as", "over", "for", "with", "at", "to"};

  private final Random random;
  private final String[] words;
  private final String[] names;

  SyntheticHeadlines(long seed, int vocabulary, int nameCount) {
    random = new Random(seed);
    words = invent(vocabulary, false);
    names = invent(nameCount, true);
  }

  String headline() {
    StringBuilder text = new StringBuilder(pick(names));
    int length = 5 + random.nextInt(5);
    for (int i = 0; i < length; i++) {
      text.append(' ');
      int roll = random.nextInt(10);
      if (roll == 0) {
        text.append(LINKS[random.nextInt(LINKS.length)]);
      } else if (roll == 1) {
        text.append(pick(names));
      } else if (roll == 2 && i > 1) {
        text.append(1 + random.nextInt(500));
      } else {
        text.append(pick(words));
      }
    }
    return text.toString();
  }

  /** The headline with one word dropped, replaced, or a figure added. */
  String revise(String headline) {
    List<String> parts = new java.util.ArrayList<>(List.of(headline.split(" ")));
    int at = 1 + random.nextInt(parts.size() - 1);
    switch (random.nextInt(3)) {
      case 0 -> parts.remove(at);
      case 1 -> parts.set(at, pick(words));
      default -> parts.add(at, String.valueOf(1 + random.nextInt(500)));
    }
    return String.join(" ", parts);
  }

  /** Rank r is drawn with probability about proportional to 1/r. */
  private String pick(String[] from) {
    double u = random.nextDouble();
    int rank = (int) Math.floor(Math.pow(from.length + 1, u)) - 1;
    return from[Math.min(rank, from.length - 1)];
  }

  private String[] invent(int count, boolean capitalised) {
    Set<String> made = new LinkedHashSet<>();
    while (made.size() < count) {
      StringBuilder word = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int i = 0; i < syllables; i++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      String text = word.toString();
      made.add(capitalised ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text);
    }
    return made.toArray(String[]::new);
  }
}
